package io.flowdoctor.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;

/**
 * Delivers one e-mail: over SMTP with Quarkus Mailer, or, by default, as an .eml file in the data
 * directory's outbox that any mail client opens.
 */
@ApplicationScoped
public class EmailDelivery {

    private final FlowDoctorConfig config;
    private final Mailer mailer;

    public EmailDelivery(FlowDoctorConfig config, Mailer mailer) {
        this.config = config;
        this.mailer = mailer;
    }

    public void deliver(OutboxEmail email) throws IOException {
        if (config.email().delivery() == FlowDoctorConfig.Email.Delivery.SMTP) {
            mailer.send(Mail.withHtml(email.recipient, email.subject, email.html).setText(email.text)
                    .setFrom(config.email().from()));
            return;
        }
        MailMessage message = new MailMessage()
                .setFrom(config.email().from())
                .setTo(email.recipient)
                .setSubject(email.subject)
                .setText(email.text)
                .setHtml(email.html);
        String mime = new MailEncoder(message, "localhost").encode();
        Path outbox = Files.createDirectories(config.dataDir().resolve("outbox"));
        Files.writeString(outbox.resolve(email.id + ".eml"), mime, StandardCharsets.UTF_8);
    }
}
