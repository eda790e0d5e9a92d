// What JAX prints for a sharded one-device program compiles and runs; a
// 2-device one is refused with exit code 2, naming the op.
// RUN: jaxc compile %s -o %t.vmfb
// RUN: jaxc run --module=%t.vmfb --function=main --input=4xf32=0,1,2,3 --input=2x2xf32=1,2,3,4 | FileCheck %s
// RUN: jaxc compile %S/Inputs/two_devices.mlir -o %t.two.vmfb > %t.two.log 2>&1; test $? -eq 2
// RUN: FileCheck %s --check-prefix=TWO --input-file=%t.two.log

// CHECK: result[0]: hal.buffer_view
// CHECK-NEXT: 4xf32=0 2 4 6
// CHECK: result[1]: hal.buffer_view
// CHECK-NEXT: 2x2xf32=[2 3][4 5]
// TWO: two_devices.mlir:5:10: error: 'sdy.sharding_constraint' op needs 2 devices (mesh @mesh); a multi-device program is not supported by jaxc yet (jaxc runs on one device)

module @jit_f attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=1, "y"=1]> {stablehlo.mesh = {axes = [{name = "x", size = 1 : i64}, {name = "y", size = 1 : i64}]}}
  func.func public @main(%arg0: tensor<4xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x"}]>}, %arg1: tensor<2x2xf32>) -> (tensor<4xf32> {jax.result_info = "result[0]", sdy.sharding = #sdy.sharding<@mesh, [{}]>}, tensor<2x2xf32> {jax.result_info = "result[1]"}) {
    %0 = sdy.sharding_constraint %arg0 <@mesh, [{"x", ?}]> : tensor<4xf32>
    %1 = stablehlo.add %0, %0 : tensor<4xf32>
    %2 = sdy.manual_computation(%arg1) in_shardings=[<@mesh, [{"x"}, {"y"}]>] out_shardings=[<@mesh, [{"x"}, {"y"}]>] manual_axes={"x", "y"} (%a: tensor<2x2xf32>) {
      %cst = stablehlo.constant dense<1.000000e+00> : tensor<2x2xf32>
      %3 = stablehlo.add %a, %cst : tensor<2x2xf32>
      sdy.return %3 : tensor<2x2xf32>
    } : (tensor<2x2xf32>) -> tensor<2x2xf32>
    return %1, %2 : tensor<4xf32>, tensor<2x2xf32>
  }
}
