package io.repro4j.cli;

import io.repro4j.harness.seed.SeedDerivation;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code repro4j seed}: prints the seed the reference's {@code resolve_seed} derives. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@Command(name = "seed",
        description = "Prints the derived seed: resolve_seed(seed, phase, target, fold, symbol, view, version).")
public final class SeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", required = true, description = "The global seed (any integer; it is not truncated).")
    BigInteger seed;

    @Option(names = "--phase", required = true, description = "The phase, e.g. training, target_ranking.")
    String phase;

    @Option(names = "--target", description = "The target, e.g. fwd_ret_10m (default: None).")
    String target;

    @Option(names = "--fold", defaultValue = "0", description = "The fold (default: ${DEFAULT-VALUE}).")
    int fold;

    @Option(names = "--symbol", description = "The symbol (default: None).")
    String symbol;

    @Option(names = "--view", description = "The view, e.g. CROSS_SECTIONAL (default: None).")
    String view;

    @Option(names = "--version", defaultValue = "v1",
            description = "The seed-derivation version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        long derived = SeedDerivation.resolve(seed, phase, target, fold, symbol, view, version);
        spec.commandLine().getOut().println(derived);
        return Repro4jCli.OK;
    }
}
