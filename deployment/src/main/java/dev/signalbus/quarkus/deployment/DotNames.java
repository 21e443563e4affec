package dev.signalbus.quarkus.deployment;

import java.util.concurrent.CompletionStage;

import org.jboss.jandex.DotName;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;

final class DotNames {

    static final DotName PUBLISHES = DotName.createSimple(Publishes.class);
    static final DotName SUBSCRIBES = DotName.createSimple(Subscribes.class);
    static final DotName BATCH = DotName.createSimple(Batch.class);
    static final DotName TRANSACTION_SYNCHRONIZATION_REGISTRY = DotName
            .createSimple("jakarta.transaction.TransactionSynchronizationRegistry");
    static final DotName PERIODIC_TASK = DotName.createSimple(PeriodicTask.class);

    static final DotName BLOCKING = DotName.createSimple(Blocking.class);
    static final DotName NON_BLOCKING = DotName.createSimple(NonBlocking.class);
    static final DotName RUN_ON_VIRTUAL_THREAD = DotName.createSimple(RunOnVirtualThread.class);

    static final DotName COMPLETION_STAGE = DotName.createSimple(CompletionStage.class);
    static final DotName UNI = DotName.createSimple(Uni.class);
    static final DotName OBJECT = DotName.createSimple(Object.class);

    private DotNames() {
    }
}
