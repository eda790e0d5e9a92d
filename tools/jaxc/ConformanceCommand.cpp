//===- ConformanceCommand.cpp - jaxc conformance --------------------------===//
//
// Runs `jaxc run-mlir FILE` for every .mlir file under the given paths, each
// in a child process (so that a crash or a hang costs one file, not the run),
// N at a time, and reports:
//
//   PASS a/abs_float32_20_20.mlir
//   FAIL a/add_int32.mlir: FAIL @main: a.mlir:3:5: check.expect_eq failed ...
//   UNSUPPORTED a/fft_complex64.mlir: stablehlo.fft
//   ERROR a/sort_float32.mlir: crashed (SIGSEGV)
//
//   family  total  pass  fail  unsupported  error
//   abs         1     1     0            0      0
//   ...
//   1 passed, 3 failed
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Flags.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace jaxc::tools {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using tooling::Error;
using tooling::Expected;

enum class Verdict { Pass, Fail, Unsupported, Error };

const char *verdictName(Verdict verdict) {
  switch (verdict) {
  case Verdict::Pass:
    return "PASS";
  case Verdict::Fail:
    return "FAIL";
  case Verdict::Unsupported:
    return "UNSUPPORTED";
  case Verdict::Error:
    return "ERROR";
  }
  return "";
}

struct FileResult {
  std::string file;
  Verdict verdict = Verdict::Error;
  std::string detail; // empty for PASS
  bool done = false;
};

CommandSpec conformanceCommandSpec() {
  return {
      "conformance",
      "PATH... [--jobs=N] [--json=FILE] [--known-failures=FILE] "
      "[--timeout=SECONDS]",
      {
          {"jobs", true, false,
           "how many files to run at once (default: the number of cores)", ""},
          {"json", true, false, "also write the results to this JSON file", ""},
          {"known-failures", true, false,
           "a file of `<file name> <reason>` lines: the files expected "
           "not to pass",
           ""},
          {"timeout", true, false,
           "seconds one file may run before it is killed (default: 120)", ""},
      }};
}

// Every .mlir file under `paths` (a file given by name is taken whatever
// its extension), sorted.
Expected<std::vector<std::string>>
collectFiles(const std::vector<std::string> &paths) {
  std::vector<std::string> files;
  for (const std::string &path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (!fs::exists(status))
      return Error{"no such file or directory: " + path};
    // Normal paths, so that `./a.mlir` and `a.mlir` are one file.
    if (!fs::is_directory(status)) {
      files.push_back(fs::path(path).lexically_normal().string());
      continue;
    }
    fs::recursive_directory_iterator it(path, error), end;
    for (; !error && it != end; it.increment(error)) {
      std::error_code typeError;
      if (it->is_regular_file(typeError) && it->path().extension() == ".mlir")
        files.push_back(it->path().lexically_normal().string());
    }
    if (error)
      return Error{"cannot list " + path + ": " + error.message()};
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

// The op family of a test file: its name's `_`-separated tokens up to the
// first dtype name or number, e.g. scatter_add_bfloat16_1_125.mlir ->
// scatter_add; at least the first token.
std::string familyOf(const std::string &file) {
  static const std::set<std::string, std::less<>> dtypeNames = {
      "bfloat16", "float16", "float32", "float64",   "int8",
      "int16",    "int32",   "int64",   "uint8",     "uint16",
      "uint32",   "uint64",  "bool",    "complex64", "complex128"};
  std::string stem = fs::path(file).stem().string();
  std::string family;
  size_t start = 0;
  while (start <= stem.size()) {
    size_t end = std::min(stem.find('_', start), stem.size());
    std::string_view token = std::string_view(stem).substr(start, end - start);
    bool endsFamily = dtypeNames.count(token) ||
                      (!token.empty() &&
                       std::isdigit(static_cast<unsigned char>(token.front())));
    if (endsFamily && !family.empty())
      break;
    family += (family.empty() ? "" : "_") + std::string(token);
    start = end + 1;
  }
  return family;
}

// The base names a known-failures file lists: one `<file name> <reason>`
// per line; blank lines and `#` comments are skipped.
Expected<std::set<std::string>> readKnownFailures(const std::string &path) {
  std::FILE *file = std::fopen(path.c_str(), "r");
  if (!file)
    return Error{"cannot open " + path + ": " + std::strerror(errno)};
  std::set<std::string> names;
  std::string error;
  char *line = nullptr;
  size_t capacity = 0;
  for (int number = 1; error.empty() && getline(&line, &capacity, file) != -1;
       ++number) {
    std::string_view text = line;
    size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos || text[begin] == '#')
      continue;
    text = text.substr(begin, text.find_last_not_of(" \t\r\n") + 1 - begin);
    size_t space = text.find_first_of(" \t");
    if (space == std::string_view::npos)
      error = path + ":" + std::to_string(number) +
              ": expected `<file name> <reason>`, got `" + std::string(text) +
              "`";
    else
      names.insert(std::string(text.substr(0, space)));
  }
  std::free(line);
  std::fclose(file);
  if (!error.empty())
    return Error{error};
  return names;
}

// The first line of a child's stderr without run-mlir's own prefixes
// (`jaxc run-mlir: error: `, `FAIL `), shortened.
std::string firstLine(const std::string &text) {
  std::string_view line = std::string_view(text).substr(0, text.find('\n'));
  for (std::string_view prefix : {"jaxc run-mlir: error: ", "FAIL "})
    if (line.substr(0, prefix.size()) == prefix)
      line.remove_prefix(prefix.size());
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
    line.remove_suffix(1);
  constexpr size_t kMaxLength = 200;
  if (line.empty())
    return "(no message)";
  if (line.size() > kMaxLength)
    return std::string(line.substr(0, kMaxLength)) + "...";
  return std::string(line);
}

// "stablehlo.fft" from "f.mlir:3:8: error: 'stablehlo.fft' op is not ...";
// the whole line if it names no op.
std::string unsupportedOp(const std::string &line) {
  size_t open = line.find('\'');
  size_t close = open == std::string::npos ? open : line.find("' op", open + 1);
  if (close == std::string::npos)
    return line;
  return line.substr(open + 1, close - open - 1);
}

std::string signalName(int signal) {
  const char *abbreviation = sigabbrev_np(signal);
  return abbreviation ? "SIG" + std::string(abbreviation)
                      : "signal " + std::to_string(signal);
}

// The verdict on a child from how it ended and what it printed to stderr.
void judge(FileResult &result, int waitStatus, bool timedOut,
           const std::string &stderrText, double timeoutSeconds) {
  result.done = true;
  result.verdict = Verdict::Error;
  if (timedOut) {
    char detail[64];
    std::snprintf(detail, sizeof(detail), "timed out after %g s",
                  timeoutSeconds);
    result.detail = detail;
    return;
  }
  if (WIFSIGNALED(waitStatus)) {
    result.detail = "crashed (" + signalName(WTERMSIG(waitStatus)) + ")";
    return;
  }
  std::string line = firstLine(stderrText);
  switch (int code = WEXITSTATUS(waitStatus)) {
  case kExitOk:
    result.verdict = Verdict::Pass;
    return;
  case kExitCheckFailed:
    result.verdict = Verdict::Fail;
    result.detail = line;
    return;
  case kExitUnsupported:
    result.verdict = Verdict::Unsupported;
    result.detail = unsupportedOp(line);
    return;
  case kExitError:
    result.detail = line;
    return;
  default:
    result.detail = "exited with code " + std::to_string(code) + ": " + line;
  }
}

// A `jaxc run-mlir FILE` child process.
struct Child {
  size_t fileIndex;
  pid_t pid;
  int stderrFd; // -1 once it reached end of file
  std::string stderrText;
  Clock::time_point deadline;
};

// Runs `jaxc run-mlir -- FILE` with stdout discarded (nothing there is
// judged) and stderr to a pipe.
Expected<Child> spawnChild(const std::string &executable,
                           const std::string &file, size_t fileIndex,
                           Clock::time_point deadline) {
  int pipeFds[2];
  // Close-on-exec, so that no other child holds this pipe open.
  if (pipe2(pipeFds, O_CLOEXEC) != 0)
    return Error{std::string("cannot create a pipe: ") + std::strerror(errno)};
  fcntl(pipeFds[0], F_SETFL, O_NONBLOCK);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 2);
  // `--`: a file name may start with a dash.
  std::string command = "run-mlir", endOfFlags = "--";
  char *argv[] = {const_cast<char *>(executable.c_str()), command.data(),
                  endOfFlags.data(), const_cast<char *>(file.c_str()), nullptr};
  pid_t pid = 0;
  int error =
      posix_spawn(&pid, executable.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipeFds[1]);
  if (error != 0) {
    close(pipeFds[0]);
    return Error{"cannot run " + executable + ": " + std::strerror(error)};
  }
  return Child{fileIndex, pid, pipeFds[0], "", deadline};
}

// Reads what the child wrote to stderr so far; keeps the start of it.
void drainStderr(Child &child) {
  constexpr size_t kKeptBytes = 64 * 1024;
  char buffer[4096];
  while (true) {
    ssize_t count = read(child.stderrFd, buffer, sizeof(buffer));
    if (count > 0) {
      size_t room = kKeptBytes - std::min(kKeptBytes, child.stderrText.size());
      child.stderrText.append(buffer, std::min(room, size_t(count)));
      continue;
    }
    if (count < 0 && errno == EINTR)
      continue;
    if (count == 0 || errno != EAGAIN) {
      close(child.stderrFd);
      child.stderrFd = -1;
    }
    return;
  }
}

// Runs the files N at a time, calling `report` for each file in order as
// soon as it and all the files before it have finished.
class Scheduler {
public:
  Scheduler(std::string executable, int64_t jobs, double timeoutSeconds,
            std::vector<FileResult> &results)
      : executable(std::move(executable)), jobs(jobs),
        // Capped so that now + timeout cannot overflow the clock.
        timeout(std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(std::min(timeoutSeconds, 1e9)))),
        timeoutSeconds(timeoutSeconds), results(results) {}

  template <typename Report> void run(Report report) {
    size_t nextToPrint = 0;
    while (nextToStart < results.size() || !running.empty()) {
      startChildren();
      waitForEvents();
      finishChildren();
      for (; nextToPrint < results.size() && results[nextToPrint].done;
           ++nextToPrint)
        report(results[nextToPrint]);
    }
  }

private:
  void startChildren() {
    while (running.size() < size_t(jobs) && nextToStart < results.size()) {
      FileResult &result = results[nextToStart];
      Expected<Child> child = spawnChild(executable, result.file, nextToStart,
                                         Clock::now() + timeout);
      ++nextToStart;
      if (!child) {
        result.detail = child.error();
        result.done = true;
        continue;
      }
      running.push_back(std::move(*child));
    }
  }

  // Sleeps until a child writes or exits, or the next deadline.
  void waitForEvents() {
    if (running.empty())
      return;
    std::vector<pollfd> fds;
    Clock::time_point wakeUp = Clock::time_point::max();
    for (const Child &child : running) {
      wakeUp = std::min(wakeUp, child.deadline);
      if (child.stderrFd >= 0)
        fds.push_back({child.stderrFd, POLLIN, 0});
      else // Closed its stderr but not reaped yet: look again soon.
        wakeUp = std::min(wakeUp, Clock::now() + std::chrono::milliseconds(10));
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        wakeUp - Clock::now());
    int waitMs = int(std::clamp<int64_t>(wait.count() + 1, 0, 60'000));
    poll(fds.data(), fds.size(), waitMs);
    for (Child &child : running)
      if (child.stderrFd >= 0)
        drainStderr(child);
  }

  // Judges the children that exited and kills those past their deadline.
  void finishChildren() {
    Clock::time_point now = Clock::now();
    for (auto it = running.begin(); it != running.end();) {
      int waitStatus = 0;
      bool timedOut = false;
      pid_t reaped = 0;
      if (it->stderrFd < 0)
        reaped = waitForChild(it->pid, waitStatus, WNOHANG);
      if (reaped == 0 && now >= it->deadline) {
        kill(it->pid, SIGKILL);
        reaped = waitForChild(it->pid, waitStatus, 0);
        timedOut = true;
      }
      if (reaped == 0) {
        ++it;
        continue;
      }
      if (it->stderrFd >= 0)
        close(it->stderrFd);
      FileResult &result = results[it->fileIndex];
      if (reaped < 0) {
        result.detail = std::string("cannot wait for the child process: ") +
                        std::strerror(errno);
        result.done = true;
      } else {
        judge(result, waitStatus, timedOut, it->stderrText, timeoutSeconds);
      }
      it = running.erase(it);
    }
  }

  static pid_t waitForChild(pid_t pid, int &waitStatus, int options) {
    pid_t reaped;
    do
      reaped = waitpid(pid, &waitStatus, options);
    while (reaped < 0 && errno == EINTR);
    return reaped;
  }

  std::string executable;
  int64_t jobs;
  Clock::duration timeout;
  double timeoutSeconds;
  std::vector<FileResult> &results;
  std::vector<Child> running;
  size_t nextToStart = 0;
};

std::string jsonString(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\u%04x", c);
      quoted += escape;
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

// How many results have each verdict.
std::map<Verdict, size_t>
countVerdicts(const std::vector<FileResult> &results) {
  std::map<Verdict, size_t> counts;
  for (const FileResult &result : results)
    ++counts[result.verdict];
  return counts;
}

tooling::Status writeJson(const std::string &path,
                          const std::vector<FileResult> &results) {
  std::string json = "{\"files\": [";
  for (size_t i = 0; i < results.size(); ++i)
    json += std::string(i ? "," : "") +
            "\n  {\"file\": " + jsonString(results[i].file) +
            ", \"status\": \"" + verdictName(results[i].verdict) +
            "\", \"detail\": " + jsonString(results[i].detail) + "}";
  std::map<Verdict, size_t> counts = countVerdicts(results);
  size_t passed = counts[Verdict::Pass];
  // "failed" counts every file that did not pass, as the summary line does.
  json += "\n],\n\"total\": " + std::to_string(results.size()) +
          ", \"passed\": " + std::to_string(passed) +
          ", \"failed\": " + std::to_string(results.size() - passed) +
          ",\n\"check_failures\": " + std::to_string(counts[Verdict::Fail]) +
          ", \"unsupported\": " + std::to_string(counts[Verdict::Unsupported]) +
          ", \"errors\": " + std::to_string(counts[Verdict::Error]) + "}\n";
  std::FILE *file = std::fopen(path.c_str(), "w");
  if (!file)
    return Error{"cannot write " + path + ": " + std::strerror(errno)};
  bool written = std::fwrite(json.data(), 1, json.size(), file) == json.size();
  if (std::fclose(file) != 0 || !written)
    return Error{"cannot write " + path + ": " + std::strerror(errno)};
  return tooling::Status::success();
}

void printFamilyTable(const std::vector<FileResult> &results) {
  std::map<std::string, std::map<Verdict, size_t>> families;
  for (const FileResult &result : results)
    ++families[familyOf(result.file)][result.verdict];
  size_t width = std::string_view("family").size();
  for (const auto &family : families)
    width = std::max(width, family.first.size());
  std::printf("\n%-*s  total  pass  fail  unsupported  error\n", int(width),
              "family");
  for (auto &[family, counts] : families) {
    size_t total = 0;
    for (const auto &count : counts)
      total += count.second;
    std::printf("%-*s  %5zu  %4zu  %4zu  %11zu  %5zu\n", int(width),
                family.c_str(), total, counts[Verdict::Pass],
                counts[Verdict::Fail], counts[Verdict::Unsupported],
                counts[Verdict::Error]);
  }
}

// Prints the results that differ from the known failures; returns how many.
size_t printUnexpectedResults(const std::vector<FileResult> &results,
                              const std::set<std::string> &known) {
  size_t unexpected = 0;
  for (const FileResult &result : results) {
    bool listed = known.count(fs::path(result.file).filename().string());
    if (result.verdict != Verdict::Pass && !listed) {
      std::printf("UNEXPECTED FAILURE %s\n", result.file.c_str());
      ++unexpected;
    } else if (result.verdict == Verdict::Pass && listed) {
      std::printf("UNEXPECTED PASS %s (remove it from the known-failures "
                  "list)\n",
                  result.file.c_str());
      ++unexpected;
    }
  }
  return unexpected;
}

std::string ownExecutable() {
  char path[4096];
  ssize_t size = readlink("/proc/self/exe", path, sizeof(path) - 1);
  return size > 0 ? std::string(path, size_t(size)) : std::string();
}

} // namespace

int conformanceCommand(const Args &args) {
  CommandSpec command = conformanceCommandSpec();
  int exitCode = kExitOk;
  std::optional<ParsedFlags> flags = parseCommandLine(command, args, exitCode);
  if (!flags)
    return exitCode;
  if (flags->positionals.empty())
    return reportError(command, "no paths given: jaxc conformance PATH...");
  Expected<int64_t> jobs = flags->getPositiveInteger(
      "jobs", std::max<long>(1, sysconf(_SC_NPROCESSORS_ONLN)));
  if (!jobs)
    return reportError(command, jobs.error());
  Expected<double> timeout = flags->getNumber("timeout", 120);
  if (!timeout)
    return reportError(command, timeout.error());
  if (*timeout <= 0)
    return reportError(command, "invalid --timeout=" + flags->get("timeout") +
                                    ": expected a positive number of seconds");
  std::string executable = ownExecutable();
  if (executable.empty())
    return reportError(command, "cannot find the jaxc executable "
                                "(/proc/self/exe)");

  Expected<std::vector<std::string>> files = collectFiles(flags->positionals);
  if (!files)
    return reportError(command, files.error());
  if (files->empty()) {
    std::string paths;
    for (const std::string &path : flags->positionals)
      paths += " " + path;
    return reportError(command, "no .mlir files under" + paths);
  }

  std::set<std::string> known;
  bool hasKnownFailures = flags->has("known-failures");
  if (hasKnownFailures) {
    std::string path = flags->get("known-failures");
    Expected<std::set<std::string>> list = readKnownFailures(path);
    if (!list)
      return reportError(command, list.error());
    known = std::move(*list);
    // A stale entry would hide nothing, so it is an error, found up front.
    std::set<std::string> names;
    for (const std::string &file : *files)
      names.insert(fs::path(file).filename().string());
    for (const std::string &name : known)
      if (!names.count(name))
        return reportError(command,
                           path + " lists " + name + ", which matches no file");
  }

  std::vector<FileResult> results;
  for (const std::string &file : *files)
    results.push_back({file, Verdict::Error, "", false});
  Scheduler(executable, *jobs, *timeout, results).run([](const FileResult &r) {
    if (r.detail.empty())
      std::printf("%s %s\n", verdictName(r.verdict), r.file.c_str());
    else
      std::printf("%s %s: %s\n", verdictName(r.verdict), r.file.c_str(),
                  r.detail.c_str());
    std::fflush(stdout);
  });

  if (flags->has("json"))
    if (tooling::Status written = writeJson(flags->get("json"), results);
        !written)
      return reportError(command, written.error());
  printFamilyTable(results);
  size_t passed = countVerdicts(results)[Verdict::Pass];
  size_t failed = results.size() - passed;
  bool ok = hasKnownFailures ? printUnexpectedResults(results, known) == 0
                             : failed == 0;
  std::printf("%zu passed, %zu failed\n", passed, failed);
  return ok ? kExitOk : kExitCheckFailed;
}

} // namespace jaxc::tools
