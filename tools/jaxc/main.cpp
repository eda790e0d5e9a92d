//===- main.cpp - jaxc: compile JAX's StableHLO, run the modules ----------===//

#include "Commands.h"

#include <cstring>
#include <iostream>

namespace {

struct Command {
  const char *name;
  int (*run)(const jaxc::tools::Args &);
  const char *summary;
};

const Command kCommands[] = {
    {"compile", jaxc::tools::compileCommand,
     "compile StableHLO MLIR into a module file (like iree-compile)"},
    {"run", jaxc::tools::runCommand,
     "run a function of a module file (like iree-run-module)"},
    {"run-mlir", jaxc::tools::runMlirCommand,
     "compile in memory and run (like iree-run-mlir)"},
    {"benchmark", jaxc::tools::benchmarkCommand,
     "time a function of a module file (like iree-benchmark-module)"},
    {"inspect", jaxc::tools::inspectCommand, "print what a module file holds"},
    {"conformance", jaxc::tools::conformanceCommand,
     "compile and run every .mlir under the given paths; summarize"},
};

void printUsage(std::ostream &os) {
  os << "usage: jaxc <command> [flags]   (jaxc <command> --help for flags)\n"
        "commands:\n";
  for (const Command &command : kCommands)
    os << "  " << command.name << std::string(14 - strlen(command.name), ' ')
       << command.summary << "\n";
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    printUsage(argc < 2 ? std::cerr : std::cout);
    return argc < 2 ? jaxc::tools::kExitError : jaxc::tools::kExitOk;
  }
  jaxc::tools::Args args(argv + 2, argv + argc);
  for (const Command &command : kCommands)
    if (!strcmp(argv[1], command.name))
      return command.run(args);
  std::cerr << "jaxc: error: unknown command '" << argv[1] << "'\n";
  printUsage(std::cerr);
  return jaxc::tools::kExitError;
}
