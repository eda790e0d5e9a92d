# lit configuration for jaxc's FileCheck tests: test/**/*.mlir.
import os
import lit.formats

config.name = "jaxc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "Inputs", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.jaxc_obj_root, "test")

# jaxc's tools first, then LLVM's FileCheck and not.
config.environment["PATH"] = os.pathsep.join(
    [config.jaxc_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")]
)
config.substitutions.append(("%shared", config.jaxc_shared_dir))
config.substitutions.append(("%examples", config.jaxc_examples_dir))
