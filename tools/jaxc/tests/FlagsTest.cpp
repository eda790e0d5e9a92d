//===- FlagsTest.cpp - The jaxc command-line flag parser ------------------===//

#include "Flags.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace jaxc::tools;

namespace {

const std::vector<FlagSpec> kFlags = {
    {"module", true, false, "the module file", ""},
    {"input", true, true, "an input", ""},
    {"output", true, false, "the output file", "o"},
    {"verbose", false, false, "print more", ""},
    {"jobs", true, false, "parallel jobs", ""},
};

ParsedFlags parseOk(const Args &args) {
  auto parsed = parseFlags(args, kFlags);
  EXPECT_TRUE(parsed) << parsed.error();
  return parsed ? *parsed : ParsedFlags();
}

std::string parseError(const Args &args) {
  auto parsed = parseFlags(args, kFlags);
  EXPECT_FALSE(parsed) << "parsed without error";
  return parsed ? "" : parsed.error();
}

TEST(FlagsTest, ValueWithEqualsSign) {
  ParsedFlags flags = parseOk({"--module=a.vmfb"});
  EXPECT_TRUE(flags.has("module"));
  EXPECT_EQ(flags.get("module"), "a.vmfb");
}

TEST(FlagsTest, ValueInNextArgument) {
  EXPECT_EQ(parseOk({"--module", "a.vmfb"}).get("module"), "a.vmfb");
}

TEST(FlagsTest, ValueKeepsLaterEqualsSigns) {
  EXPECT_EQ(parseOk({"--input=2xf32=1,2"}).getAll("input"),
            std::vector<std::string>{"2xf32=1,2"});
}

TEST(FlagsTest, EmptyValue) {
  ParsedFlags flags = parseOk({"--module="});
  EXPECT_TRUE(flags.has("module"));
  EXPECT_EQ(flags.get("module", "fallback"), "");
}

TEST(FlagsTest, AbsentFlagUsesFallback) {
  ParsedFlags flags = parseOk({});
  EXPECT_FALSE(flags.has("module"));
  EXPECT_EQ(flags.get("module", "main"), "main");
  EXPECT_TRUE(flags.getAll("input").empty());
  EXPECT_FALSE(flags.enabled("verbose"));
}

TEST(FlagsTest, RepeatableFlagKeepsOrder) {
  ParsedFlags flags =
      parseOk({"--input=1", "--module=m", "--input", "2", "--input=3"});
  EXPECT_EQ(flags.getAll("input"), (std::vector<std::string>{"1", "2", "3"}));
}

TEST(FlagsTest, SingleValuedFlagGivenTwiceIsAnError) {
  EXPECT_EQ(parseError({"--module=a", "--module=b"}),
            "--module is given more than once");
}

TEST(FlagsTest, BooleanFlag) {
  EXPECT_TRUE(parseOk({"--verbose"}).enabled("verbose"));
  EXPECT_TRUE(parseOk({"--verbose=true"}).enabled("verbose"));
  EXPECT_FALSE(parseOk({"--verbose=false"}).enabled("verbose"));
}

TEST(FlagsTest, BooleanFlagDoesNotTakeTheNextArgument) {
  ParsedFlags flags = parseOk({"--verbose", "file.mlir"});
  EXPECT_TRUE(flags.enabled("verbose"));
  EXPECT_EQ(flags.positionals, std::vector<std::string>{"file.mlir"});
}

TEST(FlagsTest, BooleanFlagRejectsOtherValues) {
  EXPECT_EQ(parseError({"--verbose=yes"}),
            "--verbose is a boolean flag: give --verbose, --verbose=true or "
            "--verbose=false, not --verbose=yes");
}

TEST(FlagsTest, ShortName) {
  EXPECT_EQ(parseOk({"-o", "out.vmfb"}).get("output"), "out.vmfb");
  EXPECT_EQ(parseOk({"-o=out.vmfb"}).get("output"), "out.vmfb");
  EXPECT_EQ(parseOk({"--output=out.vmfb"}).get("output"), "out.vmfb");
}

TEST(FlagsTest, ShortAndLongNameAreTheSameFlag) {
  EXPECT_EQ(parseError({"-o", "a", "--output=b"}),
            "--output is given more than once");
}

TEST(FlagsTest, Positionals) {
  ParsedFlags flags = parseOk({"a.mlir", "--module=m", "-", "b.mlir"});
  EXPECT_EQ(flags.positionals,
            (std::vector<std::string>{"a.mlir", "-", "b.mlir"}));
}

TEST(FlagsTest, DoubleDashEndsFlags) {
  ParsedFlags flags = parseOk({"--verbose", "--", "--module=m", "-o"});
  EXPECT_FALSE(flags.has("module"));
  EXPECT_EQ(flags.positionals, (std::vector<std::string>{"--module=m", "-o"}));
}

TEST(FlagsTest, UnknownFlagIsNamedWithTheKnownFlags) {
  EXPECT_EQ(parseError({"--modul=a.vmfb"}),
            "unknown flag --modul; known flags: --module --input --output "
            "--verbose --jobs --help");
}

TEST(FlagsTest, UnknownShortFlag) {
  EXPECT_EQ(parseError({"-x"}).rfind("unknown flag -x; known flags:", 0), 0u);
}

TEST(FlagsTest, MissingValueAtTheEnd) {
  EXPECT_EQ(parseError({"--module"}), "--module needs a value: --module=VALUE");
  EXPECT_EQ(parseError({"-o"}), "--output needs a value: --output=VALUE");
}

TEST(FlagsTest, Help) {
  EXPECT_TRUE(parseOk({"--help"}).helpRequested);
  EXPECT_TRUE(parseOk({"-h"}).helpRequested);
  EXPECT_FALSE(parseOk({}).helpRequested);
}

TEST(FlagsTest, NoFlagsDeclared) {
  auto parsed = parseFlags({"--x"}, {});
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error(), "unknown flag --x; known flags: --help");
}

TEST(FlagsTest, Numbers) {
  ParsedFlags flags = parseOk({"--module=0.5", "--jobs=4"});
  auto number = flags.getNumber("module", 1);
  ASSERT_TRUE(number) << number.error();
  EXPECT_EQ(*number, 0.5);
  auto fallback = flags.getNumber("input", 120);
  ASSERT_TRUE(fallback);
  EXPECT_EQ(*fallback, 120);
  auto jobs = flags.getPositiveInteger("jobs", 1);
  ASSERT_TRUE(jobs) << jobs.error();
  EXPECT_EQ(*jobs, 4);
}

TEST(FlagsTest, BadNumbers) {
  for (const char *text : {"", "abc", "1x", "inf", "nan", "1e999"}) {
    auto number =
        parseOk({std::string("--module=") + text}).getNumber("module", 1);
    ASSERT_FALSE(number) << text;
    EXPECT_EQ(number.error(),
              "invalid --module=" + std::string(text) + ": expected a number");
  }
  for (const char *text : {"0", "-2", "1.5", "x", ""}) {
    auto jobs =
        parseOk({std::string("--jobs=") + text}).getPositiveInteger("jobs", 1);
    ASSERT_FALSE(jobs) << text;
    EXPECT_EQ(jobs.error(), "invalid --jobs=" + std::string(text) +
                                ": expected an integer >= 1");
  }
}

TEST(FlagsTest, FormatFlagHelp) {
  EXPECT_EQ(formatFlagHelp({{"input", true, true, "an input", ""},
                            {"output", true, false, "the output", "o"},
                            {"v", false, false, "verbose", ""}}),
            "  --input=VALUE       an input (repeatable)\n"
            "  -o, --output=VALUE  the output\n"
            "  --v                 verbose\n");
}

TEST(FlagsTest, ParseCommandLineReportsErrors) {
  CommandSpec command{"run", "--module=FILE", kFlags};
  int exitCode = -1;
  testing::internal::CaptureStderr();
  EXPECT_FALSE(parseCommandLine(command, {"--bogus"}, exitCode));
  std::string stderrText = testing::internal::GetCapturedStderr();
  EXPECT_EQ(exitCode, kExitError);
  EXPECT_EQ(stderrText.rfind("jaxc run: error: unknown flag --bogus;", 0), 0u)
      << stderrText;
}

TEST(FlagsTest, ParseCommandLinePrintsUsageForHelp) {
  CommandSpec command{"run", "--module=FILE", kFlags};
  int exitCode = -1;
  testing::internal::CaptureStdout();
  EXPECT_FALSE(parseCommandLine(command, {"--help"}, exitCode));
  std::string stdoutText = testing::internal::GetCapturedStdout();
  EXPECT_EQ(exitCode, kExitOk);
  EXPECT_EQ(stdoutText.rfind("usage: jaxc run --module=FILE\n", 0), 0u)
      << stdoutText;
  EXPECT_NE(stdoutText.find("--module=VALUE"), std::string::npos);
}

TEST(FlagsTest, ParseCommandLineReturnsTheFlags) {
  CommandSpec command{"run", "--module=FILE", kFlags};
  int exitCode = -1;
  auto flags = parseCommandLine(command, {"--module=m", "x"}, exitCode);
  ASSERT_TRUE(flags);
  EXPECT_EQ(flags->get("module"), "m");
  EXPECT_EQ(flags->positionals, std::vector<std::string>{"x"});
}

} // namespace
