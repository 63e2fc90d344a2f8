package io.flowdoctor.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's texts: English here, Dutch in messages/msg_nl.properties. Templates read them as {@code msg:name};
 * the build fails for a key a template names that is not here.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Console")
    String nav_label();

    @Message("Overview")
    String nav_overview();

    @Message("Diagnoses")
    String nav_diagnoses();

    @Message("Escalation cases")
    String nav_cases();

    @Message("Rules")
    String nav_rules();

    @Message("Nederlands")
    String switch_language();

    @Message("Signed in as {user}")
    String signed_in_as(String user);

    @Message("Sign out")
    String sign_out();

    @Message("Sign in")
    String sign_in_title();

    @Message("User name")
    String sign_in_user();

    @Message("Password")
    String sign_in_password();

    @Message("Sign in")
    String sign_in_button();

    @Message("Wrong user name or password.")
    String sign_in_failed();

    @Message("Sign in with your user name and password, or with a role's name (support, analyst) and that role's API key.")
    String sign_in_hint();

    @Message("This page has expired. Reload it and try again.")
    String csrf_refused();

    @Message("Overview")
    String overview_title();

    @Message("Rule base")
    String overview_rule_base();

    @Message("The last reload, at {at}, was rejected; the previous version still serves.")
    String overview_reload_rejected(String at);

    @Message("See the errors")
    String overview_see_errors();

    @Message("No reload was rejected since this version began to serve.")
    String overview_reload_ok();

    @Message("Failures per hour by category")
    String overview_failures();

    @Message("Period")
    String overview_range();

    @Message("Last day")
    String overview_day();

    @Message("Last week")
    String overview_week();

    @Message("{total} failures in this period")
    String overview_failures_total(long total);

    @Message("Open cases by age")
    String overview_open_cases();

    @Message("To the open cases")
    String overview_to_cases();

    @Message("Top connectors this week")
    String overview_top_connectors();

    @Message("Top failure signatures this week")
    String overview_top_signatures();

    @Message("No failures yet.")
    String overview_nothing();

    @Message("Less than an hour")
    String age_hour();

    @Message("1 to 24 hours")
    String age_day();

    @Message("1 to 7 days")
    String age_week();

    @Message("Older than a week")
    String age_older();

    @Message("Diagnoses")
    String diagnoses_title();

    @Message("{total} diagnoses")
    String diagnoses_count(long total);

    @Message("No diagnosis matches these filters.")
    String diagnoses_none();

    @Message("Flow")
    String filter_flow();

    @Message("Category")
    String filter_category();

    @Message("Rule id")
    String filter_rule();

    @Message("Escalation")
    String filter_escalation();

    @Message("From")
    String filter_from();

    @Message("To")
    String filter_to();

    @Message("Any")
    String filter_any();

    @Message("Filter")
    String filter_apply();

    @Message("Failed at")
    String col_failed_at();

    @Message("Flow")
    String col_flow();

    @Message("Step")
    String col_step();

    @Message("Category")
    String col_category();

    @Message("Fired rules")
    String col_rules();

    @Message("Rule")
    String col_rule();

    @Message("Escalation")
    String col_escalation();

    @Message("Status")
    String col_status();

    @Message("Connector")
    String col_connector();

    @Message("Code")
    String col_code();

    @Message("Message")
    String col_message();

    @Message("File")
    String col_file();

    @Message("Line")
    String col_line();

    @Message("Age")
    String col_age();

    @Message("Occurrences")
    String col_occurrences();

    @Message("Reason")
    String col_reason();

    @Message("Pages")
    String pager_label();

    @Message("Previous")
    String pager_previous();

    @Message("Next")
    String pager_next();

    @Message("Page {page} of {pages}")
    String pager_position(long page, long pages);

    @Message("Diagnosis")
    String diagnosis_title();

    @Message("Run")
    String diagnosis_run();

    @Message("Rule set version")
    String diagnosis_rule_set();

    @Message("The run's actions")
    String diagnosis_run_actions();

    @Message("Failing step:")
    String diagnosis_failing_step();

    @Message("Findings")
    String diagnosis_findings();

    @Message("Evidence")
    String diagnosis_evidence();

    @Message("Fired rules")
    String diagnosis_fired_rules();

    @Message("The matched facts below are as the serving rules explain this failure now; the answer above is the one given at the time.")
    String diagnosis_explained_now();

    @Message("Matched facts")
    String diagnosis_matched_facts();

    @Message("Concluded")
    String diagnosis_concluded();

    @Message("Recommendations")
    String diagnosis_recommendations();

    @Message("Resubmit")
    String diagnosis_resubmit();

    @Message("after {seconds} s")
    String diagnosis_delay(Integer seconds);

    @Message("at most {attempts} times")
    String diagnosis_attempts(Integer attempts);

    @Message("Escalation")
    String diagnosis_escalation();

    @Message("Problem type")
    String diagnosis_problem_type();

    @Message("Description")
    String diagnosis_description();

    @Message("Escalation case:")
    String diagnosis_case();

    @Message("Repair-tips e-mail")
    String diagnosis_email();

    @Message("Subject:")
    String diagnosis_email_subject();

    @Message("Open the HTML version")
    String diagnosis_email_html();

    @Message("No e-mail for this diagnosis.")
    String diagnosis_email_none();

    @Message("Escalation cases")
    String cases_title();

    @Message("By status")
    String cases_by_status();

    @Message("All")
    String cases_all();

    @Message("{total} cases")
    String cases_count(long total);

    @Message("No cases.")
    String cases_none();

    @Message("Escalation case")
    String case_title();

    @Message("Opened")
    String case_opened();

    @Message("Last changed")
    String case_updated();

    @Message("Signature")
    String case_signature();

    @Message("Diagnoses")
    String case_diagnoses();

    @Message("first")
    String case_first();

    @Message("latest")
    String case_last();

    @Message("Notes")
    String case_notes();

    @Message("No notes yet.")
    String case_no_notes();

    @Message("Note")
    String case_note();

    @Message("Acknowledge")
    String case_acknowledge();

    @Message("Resolve")
    String case_resolve();

    @Message("Add the note only")
    String case_add_note();

    @Message("Only support works cases.")
    String case_support_only();

    @Message("Saved.")
    String case_saved();

    @Message("Not changed: {reason}.")
    String case_refused(String reason);

    @Message("Choose a new status or write a note.")
    String case_nothing_to_do();

    @Message("A note has at most {limit} characters.")
    String case_note_too_long(int limit);

    @Message("Rules")
    String rules_title();

    @Message("Versions")
    String rules_versions();

    @Message("Serving")
    String rules_serving();

    @Message("Previous")
    String rules_previous();

    @Message("since {at}, {rules} rules")
    String rules_since(String at, int rules);

    @Message("Last rejected reload")
    String rules_last_rejection();

    @Message("Rejected at {at}; the serving version stayed.")
    String rules_rejected_at(String at);

    @Message("No reload has been rejected.")
    String rules_no_rejection();

    @Message("expected")
    String rules_expected();

    @Message("got")
    String rules_actual();

    @Message("Last reload's replay")
    String rules_last_replay();

    @Message("{replayed} stored failures replayed with {candidate} against {baseline}: {changed} would change.")
    String rules_replay_summary(int replayed, int changed, String baseline, String candidate);

    @Message("No replay yet.")
    String rules_no_replay();

    @Message("Catalog ({count} rules)")
    String rules_catalog(int count);

    @Message("Fired since start")
    String rules_fired();

    @Message("Advice given")
    String rules_given();

    @Message("Recoveries after")
    String rules_recoveries();

    @Message("Repeats after")
    String rules_repeats();

    @Message("Knowledge gaps")
    String rules_gaps();

    @Message("No open knowledge gaps.")
    String rules_no_gaps();

    @Message("Last seen")
    String rules_last_seen();

    @Message("Flow")
    String flow_title();

    @Message("Incident")
    String flow_incident();

    @Message("Current incident")
    String flow_incident_state();

    @Message("{failures} failures since {since}")
    String flow_incident_open(int failures, String since);

    @Message("None: the flow has recovered or never failed.")
    String flow_incident_none();

    @Message("Last failed")
    String flow_last_failed();

    @Message("Last recovered")
    String flow_last_recovered();

    @Message("Repair-tips e-mail")
    String flow_email();

    @Message("On: the owner receives repair tips.")
    String flow_email_on();

    @Message("Off: the owner switched repair tips off.")
    String flow_email_off();

    @Message("This flow has not failed yet.")
    String flow_unknown();

    @Message("Diagnoses of this flow")
    String flow_diagnoses();
}
