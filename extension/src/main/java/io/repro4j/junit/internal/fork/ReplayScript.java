package io.repro4j.junit.internal.fork;

import io.repro4j.harness.results.AtomicFiles;
import io.repro4j.junit.internal.protocol.ChildRequest;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes {@code command.txt}, the shell script that replays one child exactly: {@code sh …/run-<k>/command.txt}
 * from any shell. It re-creates what the run needs (a temp directory, a working directory) in a fresh
 * {@code replay-<time>-<pid>/} directory next to the run's files, runs the child with the same environment, flags,
 * class path, request and perturbations, writes the snapshot, result and logs there, prints where they are and
 * whether the fingerprints equal the original run's, and exits non-zero when the run fails or moved. It never
 * writes the original run's files.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
final class ReplayScript {

    private static final String REPLAY = "\"$replay\"";

    private ReplayScript() {
    }

    /** Writes the script of {@code child}. */
    static void write(PlannedChild child) {
        AtomicFiles.writeString(child.files().command(), text(child));
    }

    static String text(PlannedChild child) {
        StringBuilder sb = new StringBuilder("#!/bin/sh\n");
        sb.append("# Replays ").append(child.request().describe()).append(" (").append(child.perturbations().describe())
                .append(" perturbation): sh ").append(child.files().command()).append('\n');
        sb.append("# It runs in a fresh directory next to this file and never writes the run's own files.\n");
        sb.append("replay=").append(shellQuote(child.files().dir().toString()))
                .append("/replay-$(date -u +%Y%m%dT%H%M%SZ)-$$\n");
        sb.append("mkdir -p \"$replay/tmp\" || exit 2\n");
        if (child.freshWorkingDirectory()) {
            sb.append("mkdir -p \"$replay/cwd\" && cd \"$replay/cwd\" || exit 2\n");
        } else {
            sb.append("cd ").append(shellQuote(child.workingDirectory().toString())).append(" || exit 2\n");
        }
        sb.append("echo \"repro4j replay: ").append(child.request().run().describe())
                .append(", output in $replay\" >&2\n");
        sb.append("env -i");
        child.environment().forEach((k, v) -> sb.append(" \\\n  ").append(k).append('=').append(shellQuote(v)));
        for (String arg : replayCommand(child)) {
            sb.append(" \\\n  ").append(arg);
        }
        sb.append(" \\\n  >\"$replay/stdout.log\" 2>\"$replay/stderr.log\"\n");
        sb.append("status=$?\n");
        sb.append("if [ -f \"$replay/summary.txt\" ]; then cat \"$replay/summary.txt\" >&2; else echo \"repro4j replay:"
                + " the child ended with exit code $status before writing a summary; see $replay/stderr.log\" >&2;"
                + " fi\n");
        sb.append("exit $status\n");
        return sb.toString();
    }

    /**
     * The child's command line for a replay, shell-quoted: without writing the class-data archive (that is the
     * parent's to publish) and without watching a parent, with the replay's temp directory, replaying into it.
     */
    private static List<String> replayCommand(PlannedChild child) {
        List<String> out = new ArrayList<>();
        List<String> command = child.command();
        String request = child.files().request().toString();
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.startsWith("-XX:ArchiveClassesAtExit=")
                    || arg.startsWith("-D" + ChildRequest.WATCH_PARENT_PROPERTY + "=")) {
                continue;
            }
            if (arg.startsWith("-Djava.io.tmpdir=")) {
                out.add("-Djava.io.tmpdir=" + REPLAY + "/tmp");
            } else if (i == command.size() - 1 && arg.equals(request)) {
                out.add(ChildRequest.REPLAY_OPTION);
                out.add(REPLAY);
                out.add(shellQuote(arg));
            } else {
                out.add(shellQuote(arg));
            }
        }
        return out;
    }

    static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
