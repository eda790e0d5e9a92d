// A module records the CPU features its code may use, and a runtime on a
// CPU without one of them refuses it at load (exit 3) instead of dying by
// SIGILL. bdver2 (AMD Piledriver) has XOP, FMA4 and TBM, which no CPU made
// since has.
// RUN: jaxc compile %s --target-cpu=bdver2 -o %t.bdver2.vmfb
// RUN: not jaxc run --module=%t.bdver2.vmfb 2>&1 | FileCheck %s --check-prefix=BDVER2
// RUN: jaxc run --module=%t.bdver2.vmfb; test $? = 3
// BDVER2: jaxc run: error: {{.*}}bdver2.vmfb: compiled for CPU 'bdver2', it needs CPU features this machine lacks:
// BDVER2-SAME: xop
// BDVER2-SAME: fma4
// BDVER2-SAME: recompile with --target-cpu=host

// The baseline and this machine's own CPU run.
// RUN: jaxc compile %s --target-cpu=x86-64 -o %t.x86-64.vmfb
// RUN: jaxc run --module=%t.x86-64.vmfb | FileCheck %s --check-prefix=RUNS
// RUN: jaxc compile %s -o %t.host.vmfb
// RUN: jaxc run --module=%t.host.vmfb | FileCheck %s --check-prefix=RUNS
// RUNS: 2xf32=3 5

// jaxc inspect lists them.
// RUN: jaxc inspect %t.x86-64.vmfb | FileCheck %s --check-prefix=INSPECT
// INSPECT: cpu features: {{.*}}sse2
func.func @main() -> tensor<2xf32> {
  %a = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = stablehlo.constant dense<[2.0, 3.0]> : tensor<2xf32>
  %c = stablehlo.add %a, %b : tensor<2xf32>
  return %c : tensor<2xf32>
}
