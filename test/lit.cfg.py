# lit configuration for jaxc's FileCheck tests: test/**/*.mlir.
import os
import lit.formats

config.name = "jaxc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "Inputs", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)

# Run from a build (ctest, lit build/test) the site config sets these; run on
# the source tree (lit test/...), JAXC_BUILD_DIR names the build (default
# build/).
if not hasattr(config, "jaxc_obj_root"):
    root = os.path.dirname(config.test_source_root)
    config.jaxc_obj_root = os.environ.get("JAXC_BUILD_DIR", os.path.join(root, "build"))
    config.jaxc_tools_dir = os.path.join(config.jaxc_obj_root, "bin")
    config.llvm_tools_dir = "/usr/lib/llvm-22/bin"
    config.jaxc_shared_dir = os.path.join(root, "..", "shared")
    config.jaxc_examples_dir = os.path.join(root, "examples")
config.test_exec_root = os.path.join(config.jaxc_obj_root, "test")

# jaxc's tools first, then LLVM's FileCheck and not.
config.environment["PATH"] = os.pathsep.join(
    [config.jaxc_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")]
)
config.substitutions.append(("%shared", config.jaxc_shared_dir))
config.substitutions.append(("%examples", config.jaxc_examples_dir))

# The host CPU's AVX-512, for tests of modules built for other CPUs.
try:
    with open("/proc/cpuinfo") as cpuinfo:
        if " avx512f" in cpuinfo.read():
            config.available_features.add("host-avx512f")
except OSError:
    pass
