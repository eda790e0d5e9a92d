//===- Flags.cpp - IREE-style command-line flags --------------------------===//

#include "Flags.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace jaxc::tools {
namespace {

using tooling::Error;
using tooling::Expected;

const FlagSpec *findFlag(const std::vector<FlagSpec> &specs,
                         std::string_view name, bool isShortName) {
  for (const FlagSpec &spec : specs)
    if ((isShortName ? spec.shortName : spec.name) == name)
      return &spec;
  return nullptr;
}

std::string knownFlagList(const std::vector<FlagSpec> &specs) {
  std::string list = "known flags:";
  for (const FlagSpec &spec : specs)
    list += " --" + spec.name;
  return list + " --help";
}

} // namespace

bool ParsedFlags::has(std::string_view name) const {
  return values.find(name) != values.end();
}

std::string ParsedFlags::get(std::string_view name,
                             std::string_view fallback) const {
  auto it = values.find(name);
  return it == values.end() ? std::string(fallback) : it->second.back();
}

const std::vector<std::string> &
ParsedFlags::getAll(std::string_view name) const {
  static const std::vector<std::string> none;
  auto it = values.find(name);
  return it == values.end() ? none : it->second;
}

bool ParsedFlags::enabled(std::string_view name) const {
  return get(name, "false") == "true";
}

Expected<double> ParsedFlags::getNumber(std::string_view name,
                                        double fallback) const {
  if (!has(name))
    return fallback;
  std::string text = get(name);
  char *end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(value))
    return Error{"invalid --" + std::string(name) + "=" + text +
                 ": expected a number"};
  return value;
}

Expected<int64_t> ParsedFlags::getPositiveInteger(std::string_view name,
                                                  int64_t fallback) const {
  if (!has(name))
    return fallback;
  std::string text = get(name);
  char *end = nullptr;
  errno = 0;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE || value < 1)
    return Error{"invalid --" + std::string(name) + "=" + text +
                 ": expected an integer >= 1"};
  return static_cast<int64_t>(value);
}

Expected<ParsedFlags> parseFlags(const Args &args,
                                 const std::vector<FlagSpec> &specs) {
  ParsedFlags parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (arg == "--") {
      parsed.positionals.insert(parsed.positionals.end(), args.begin() + i + 1,
                                args.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      parsed.positionals.push_back(arg);
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.helpRequested = true;
      continue;
    }

    bool isShortName = arg[1] != '-';
    std::string_view body = std::string_view(arg).substr(isShortName ? 1 : 2);
    size_t equals = body.find('=');
    std::string_view name = body.substr(0, equals);
    std::optional<std::string> value;
    if (equals != std::string_view::npos)
      value = std::string(body.substr(equals + 1));

    const FlagSpec *spec = findFlag(specs, name, isShortName);
    if (!spec)
      return Error{"unknown flag " + std::string(arg.substr(0, arg.find('='))) +
                   "; " + knownFlagList(specs)};
    std::string flag = "--" + spec->name;
    if (spec->takesValue && !value) {
      if (i + 1 == args.size())
        return Error{flag + " needs a value: " + flag + "=VALUE"};
      value = args[++i];
    }
    if (!spec->takesValue) {
      if (!value)
        value = "true";
      else if (*value != "true" && *value != "false")
        return Error{flag + " is a boolean flag: give " + flag + ", " + flag +
                     "=true or " + flag + "=false, not " + flag + "=" + *value};
    }
    std::vector<std::string> &slot = parsed.values[spec->name];
    if (!slot.empty() && !spec->repeatable)
      return Error{flag + " is given more than once"};
    slot.push_back(std::move(*value));
  }
  return parsed;
}

std::string formatFlagHelp(const std::vector<FlagSpec> &specs) {
  std::vector<std::string> usages;
  size_t width = 0;
  for (const FlagSpec &spec : specs) {
    std::string usage = "--" + spec.name + (spec.takesValue ? "=VALUE" : "");
    if (!spec.shortName.empty())
      usage = "-" + spec.shortName + ", " + usage;
    width = std::max(width, usage.size());
    usages.push_back(std::move(usage));
  }
  std::string text;
  for (size_t i = 0; i < specs.size(); ++i) {
    text += "  " + usages[i] + std::string(width - usages[i].size() + 2, ' ') +
            specs[i].help + (specs[i].repeatable ? " (repeatable)" : "") + "\n";
  }
  return text;
}

int reportError(const CommandSpec &command, std::string_view message,
                ExitCode code) {
  std::fflush(stdout); // Keep what was printed so far before the error.
  std::fprintf(stderr, "jaxc %s: error: %.*s\n", command.name.c_str(),
               static_cast<int>(message.size()), message.data());
  return code;
}

std::optional<ParsedFlags> parseCommandLine(const CommandSpec &command,
                                            const Args &args, int &exitCode) {
  Expected<ParsedFlags> flags = parseFlags(args, command.flags);
  if (!flags) {
    exitCode = reportError(command, flags.error());
    return std::nullopt;
  }
  if (flags->helpRequested) {
    std::printf("usage: jaxc %s %s\n\nflags:\n%s", command.name.c_str(),
                command.synopsis.c_str(),
                formatFlagHelp(command.flags).c_str());
    exitCode = kExitOk;
    return std::nullopt;
  }
  return std::move(*flags);
}

FlagSpec denormalsFlagSpec() {
  return {"denormals", true, false,
          "flush (default: subnormal floats read and written as zero, as "
          "XLA's CPU backend does) or ieee (kept, as the StableHLO spec has "
          "them)",
          ""};
}

Expected<bool> flushDenormalsFlag(const ParsedFlags &flags) {
  std::string mode = flags.get("denormals", "flush");
  if (mode == "flush" || mode == "ieee")
    return mode == "flush";
  return Error{"invalid --denormals=" + mode + ": expected flush or ieee"};
}

} // namespace jaxc::tools
