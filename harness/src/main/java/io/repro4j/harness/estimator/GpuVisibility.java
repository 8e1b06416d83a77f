package io.repro4j.harness.estimator;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/** Whether this process could reach an NVIDIA GPU: a device node exists and {@code CUDA_VISIBLE_DEVICES} hides none. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
final class GpuVisibility {
    private GpuVisibility() {
    }

    static boolean visible() {
        String devices = System.getenv("CUDA_VISIBLE_DEVICES");
        if (devices != null && (devices.isBlank() || devices.trim().equals("-1"))) {
            return false;
        }
        return Files.exists(Path.of("/dev/nvidia0"));
    }
}
