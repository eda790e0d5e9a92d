// UNSUPPORTED: host-avx512f
// A module built for Diamond Rapids, run on a CPU without AVX-512, is
// refused at load with exit 3 (it died by SIGILL, exit 132, before).
// RUN: jaxc compile %s --target-cpu=diamondrapids -o %t.vmfb
// RUN: not jaxc run --module=%t.vmfb 2>&1 | FileCheck %s
// RUN: jaxc run --module=%t.vmfb; test $? = 3
// CHECK: compiled for CPU 'diamondrapids', it needs CPU features this machine lacks: avx512f, avx512dq,
// CHECK-SAME: more; recompile with --target-cpu=host
func.func @main() -> tensor<2xf32> {
  %a = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %c = stablehlo.add %a, %a : tensor<2xf32>
  return %c : tensor<2xf32>
}
