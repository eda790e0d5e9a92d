//===- Flags.h - IREE-style command-line flags -------------------*- C++
//-*-===//
//
// Each command declares its flags and gets back their values and the
// positional arguments, or an error naming the offending argument:
//
//   --name=value    --name value    a flag that takes a value
//   --name          --name=true     --name=false     a boolean flag
//   -o FILE         -o=FILE         a short name (FlagSpec::shortName)
//   --              everything after it is positional
//   -               positional (conventionally stdin)
//   --help, -h      sets ParsedFlags::helpRequested
//
// A flag may be given once unless it is repeatable; repeated values are kept
// in order (`--input=... --input=...`).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLS_JAXC_FLAGS_H
#define JAXC_TOOLS_JAXC_FLAGS_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Commands.h"
#include "jaxc/tooling/status.h"

namespace jaxc::tools {

struct FlagSpec {
  std::string name;      // without the dashes, e.g. "input"
  bool takesValue;       // false: a boolean flag
  bool repeatable;       // may be given more than once
  std::string help;      // one line, shown by --help
  std::string shortName; // e.g. "o" for -o; empty for none
};

class ParsedFlags {
public:
  // Whether the flag was given at least once.
  bool has(std::string_view name) const;
  // The value of a single-valued flag, or `fallback` if it was not given.
  std::string get(std::string_view name, std::string_view fallback = "") const;
  // Every value of a repeatable flag, in order; empty if it was not given.
  const std::vector<std::string> &getAll(std::string_view name) const;
  // Whether a boolean flag is on.
  bool enabled(std::string_view name) const;
  // A numeric flag's value, or `fallback` if it was not given. Errors quote
  // the flag, e.g. `invalid --timeout=abc: expected a number`.
  tooling::Expected<double> getNumber(std::string_view name,
                                      double fallback) const;
  // The same for a flag that must be an integer >= 1.
  tooling::Expected<int64_t> getPositiveInteger(std::string_view name,
                                                int64_t fallback) const;

  std::vector<std::string> positionals;
  bool helpRequested = false;

private:
  friend tooling::Expected<ParsedFlags>
  parseFlags(const Args &args, const std::vector<FlagSpec> &specs);
  std::map<std::string, std::vector<std::string>, std::less<>> values;
};

// Parses `args` against the flags the command declares.
tooling::Expected<ParsedFlags> parseFlags(const Args &args,
                                          const std::vector<FlagSpec> &specs);

// One line per flag: `  --name=VALUE  help`.
std::string formatFlagHelp(const std::vector<FlagSpec> &specs);

// What a command declares about itself.
struct CommandSpec {
  std::string name;     // "run": messages read `jaxc run: error: ...`
  std::string synopsis; // e.g. "--module=FILE [--function=NAME] [flags]"
  std::vector<FlagSpec> flags;
};

// Prints `jaxc <command>: error: <message>` to stderr and returns `code`.
int reportError(const CommandSpec &command, std::string_view message,
                ExitCode code = kExitError);

// Parses the command's arguments. Returns nullopt when the command should
// exit right away with `exitCode`: after printing the usage for --help
// (kExitOk) or the parse error (kExitError).
std::optional<ParsedFlags> parseCommandLine(const CommandSpec &command,
                                            const Args &args, int &exitCode);

// --denormals=flush|ieee, for the commands that compile: whether the code
// flushes subnormal floats to zero (the default, as XLA's CPU backend does)
// or keeps them (IEEE 754, as the StableHLO spec does).
FlagSpec denormalsFlagSpec();
tooling::Expected<bool> flushDenormalsFlag(const ParsedFlags &flags);

} // namespace jaxc::tools

#endif // JAXC_TOOLS_JAXC_FLAGS_H
