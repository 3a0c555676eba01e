package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.LockScreenViewModel;
import org.lightbox.auth.SignInViewModel;
import org.lightbox.sync.SyncStatus;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** The window, when the session on the central store expires: it locks, and unlocking resumes sync. */
@ExtendWith(CentralStoreExtension.class)
class SessionExpiryTest {
    @Test
    void anExpiredSessionLocksTheWorkstationAndUnlockingResumesSync(@TempDir Path dir, CentralStoreServer store)
            throws Exception {
        store.startServer();
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
            ShellViewModel shell = new ShellViewModel(ws.workstation, tasks);
            CountDownLatch online = new CountDownLatch(1);
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch onlineAgain = new CountDownLatch(1);
            shell.syncStatus().statusProperty().addListener((o, old, now) -> {
                if (now.connection() == SyncStatus.Connection.ONLINE) {
                    (locked.getCount() == 0 ? onlineAgain : online).countDown();
                }
            });
            shell.lockedProperty().addListener((o, was, is) -> {
                if (is) {
                    locked.countDown();
                }
            });
            SignInViewModel signIn = shell.signInViewModel();
            signIn.usernameProperty().set(ws.username);
            signIn.passwordProperty().set(SyncedWorkstation.PASSWORD);
            signIn.signIn();
            assertThat(online.await(30, TimeUnit.SECONDS)).as("online after signing in").isTrue();

            store.expireSessionsOf(ws.userId);
            shell.syncStatus().syncNow();

            assertThat(locked.await(30, TimeUnit.SECONDS)).as("locked when the session expired").isTrue();
            assertThat(shell.syncStatus().connectionTextProperty().get()).contains("expired");
            LockScreenViewModel lockScreen = shell.lockScreenViewModel();
            lockScreen.passwordProperty().set(SyncedWorkstation.PASSWORD);
            lockScreen.unlock();
            assertThat(shell.lockedProperty().get()).isFalse();
            assertThat(onlineAgain.await(30, TimeUnit.SECONDS)).as("online again after unlocking").isTrue();
            shell.close();
        }
    }
}
