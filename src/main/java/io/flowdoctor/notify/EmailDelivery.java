package io.flowdoctor.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.files.OwnerOnlyFiles;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;

/**
 * Delivers one e-mail: over SMTP with Quarkus Mailer, or, by default, as an .eml file in the data
 * directory's outbox that any mail client opens.
 */
@ApplicationScoped
public class EmailDelivery {

    /** RFC 5322's limit of a line, headers included. */
    private static final int MAX_HEADER_LINE = 998;

    private final FlowDoctorConfig config;
    private final ReactiveMailer mailer;
    private final Vertx vertx;

    public EmailDelivery(FlowDoctorConfig config, ReactiveMailer mailer, Vertx vertx) {
        this.config = config;
        this.mailer = mailer;
        this.vertx = vertx;
    }

    public void deliver(OutboxEmail email) throws IOException {
        Map<String, String> headers = unsubscribeHeaders(email.unsubscribeUrl);
        // E-mails queued before line breaks were refused may carry one in the subject: it would end the header.
        String subject = ControlCharacters.oneLine(email.subject);
        if (config.email().delivery() == FlowDoctorConfig.Email.Delivery.SMTP) {
            Mail mail = Mail.withHtml(email.recipient, subject, email.html).setText(email.text)
                    .setFrom(config.email().from());
            headers.forEach(mail::addHeader);
            // The outbox's own threads are not Vert.x threads: called from one, the mail client reads a new
            // connection's greeting on two threads at once and now and then loses it (the send then stalls
            // until the server's timeout, or fails on a garbled reply). On an event loop it reads in order.
            mailer.send(mail)
                    .runSubscriptionOn(task -> vertx.getOrCreateContext().runOnContext(ignored -> task.run()))
                    .await().atMost(config.email().sendTimeout());
            return;
        }
        MailMessage message = new MailMessage()
                .setFrom(config.email().from())
                .setTo(email.recipient)
                .setSubject(subject)
                .setText(email.text)
                .setHtml(email.html);
        headers.forEach(message::addHeader);
        String mime = new MailEncoder(message, "localhost").encode();
        Path outbox = OwnerOnlyFiles.directory(config.dataDir().resolve("outbox"));
        OwnerOnlyFiles.write(outbox.resolve(email.id + ".eml"), mime.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 8058 one-click unsubscribe: mail clients show an unsubscribe button that POSTs to the link. A URL
     * cannot be folded, so a link too long for one header line (a flow id of hundreds of characters) is
     * left to the link in the body.
     */
    static Map<String, String> unsubscribeHeaders(String unsubscribeUrl) {
        if (unsubscribeUrl == null || "List-Unsubscribe: <>".length() + unsubscribeUrl.length() > MAX_HEADER_LINE) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }
}
