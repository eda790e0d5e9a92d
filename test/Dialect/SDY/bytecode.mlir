// jaxc reads the sdy attributes as Shardy's own bytecode writer encodes them
// (Inputs/shardy_attrs.mlirbc, written by jaxlib from
// Inputs/shardy_attrs.mlir): the module read from bytecode prints exactly as
// the one read from text. And what jaxc writes, it reads back the same.
// RUN: jaxc-opt %S/Inputs/shardy_attrs.mlir > %t.text
// RUN: jaxc-opt %S/Inputs/shardy_attrs.mlirbc > %t.shardy-bytecode
// RUN: diff %t.text %t.shardy-bytecode
// RUN: jaxc-opt %S/Inputs/shardy_attrs.mlir --emit-bytecode | jaxc-opt > %t.jaxc-bytecode
// RUN: diff %t.text %t.jaxc-bytecode
// RUN: FileCheck %s --input-file=%t.shardy-bytecode

// CHECK: sdy.mesh @ordered = <["a"=2, "b"=2], device_ids=[3, 2, 1, 0]>
// CHECK: sdy.mesh @maximal = <[], device_ids=[3]>
// CHECK: sdy.sharding_constraint %{{.*}} <@mesh, [{"x"}p0, {"y":(1)2}p12]>
// CHECK: <@mesh, [{"y":(2)2}, {?}], replicated={"y":(1)2}>
// CHECK: <@mesh, [{}, {}], unreduced={"x"}>
// CHECK: <@mesh, [{}, {}], unreduced=max{"x"}>
// CHECK: <@mesh, [{}, {}], unreduced=min{"y"}>
// CHECK: sdy.reshard %{{.*}} <mesh<["p"=2]>, [{"p"}, {}]>
// CHECK: manual_axes={"x", "y"}
// CHECK: #sdy.op_sharding_rule<([i, j], [k])->([ij]) {i=8, j=8, k=4} reduction={k} need_replication={i} permutation={j}, custom>
