-- Marking a flow's earlier diagnoses of the same failure as repeated (AdviceOutcomes.markRepeats) looks only at
-- those not marked yet. With repeated in the index it visits those (the last one, and any credited with a
-- recovery), not every earlier diagnosis of that failure of the flow: a flow that fails all day has thousands, and
-- each new failure visited them all.
create index diagnosis_record_unmarked on diagnosis_record (flow_id, signature, repeated);
-- Its first two columns serve every query the old index served.
drop index diagnosis_record_flow_signature;
