package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.QuotedTopicSetting;
import io.quarkus.test.QuarkusUnitTest;

public class QuotedTopicSettingTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(QuotedTopicSetting.class);
}
