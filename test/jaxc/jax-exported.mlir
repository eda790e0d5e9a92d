// jax.export's serialize() files compile as they are, detected by their
// bytes. Inputs made with JAX 0.12:
//   sin-add: jax.export.export(jax.jit(lambda x, y: jnp.sin(x) + y))(x, x)
//   sin-times-c-cuda-cpu: export(jax.jit(lambda a, b, c: jnp.sin(a) * c),
//     platforms=["cuda", "cpu"])(x, x, x): the module takes a platform index
//     and drops the unused b (module_kept_var_idx = (0, 2)).
// RUN: jaxc compile %S/Inputs/sin-add.jax_exported -o %t.vmfb
// RUN: jaxc run --module=%t.vmfb --function=main --input=3xf32=1,2,3 --input=3xf32=4,5,6 | FileCheck %s
// CHECK: 3xf32=4.84147 5.9093 6.14112

// The exported function's own arguments, b included; cpu's index fixed.
// RUN: jaxc compile %S/Inputs/sin-times-c-cuda-cpu.jax_exported -o %t.mp.vmfb
// RUN: jaxc inspect %t.mp.vmfb | FileCheck %s --check-prefix=SIGNATURE
// SIGNATURE: main(3xf32, 3xf32, 3xf32)
// RUN: jaxc run --module=%t.mp.vmfb --function=main --input=3xf32=1,2,3 --input=3xf32=9,9,9 --input=3xf32=2,2,2 | FileCheck %s --check-prefix=MULTI
// MULTI: 3xf32=1.68294 1.81859 0.28224

// A truncated file is not taken for an export: it is refused with exit 3.
// RUN: head -c 200 %S/Inputs/sin-add.jax_exported > %t.truncated.jax_exported
// RUN: not jaxc compile %t.truncated.jax_exported -o %t.bad.vmfb 2>&1 | FileCheck %s --check-prefix=TRUNCATED
// TRUNCATED: error
