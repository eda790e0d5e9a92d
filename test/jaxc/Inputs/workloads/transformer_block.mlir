module @jit_transformer_block attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<1x128x256xf32>, %arg1: tensor<256xf32>, %arg2: tensor<256xf32>, %arg3: tensor<256x256xf32>, %arg4: tensor<256xf32>, %arg5: tensor<256x256xf32>, %arg6: tensor<256xf32>, %arg7: tensor<256x256xf32>, %arg8: tensor<256xf32>, %arg9: tensor<256x256xf32>, %arg10: tensor<256xf32>, %arg11: tensor<256xf32>, %arg12: tensor<256xf32>, %arg13: tensor<256x1024xf32>, %arg14: tensor<1024xf32>, %arg15: tensor<1024x256xf32>, %arg16: tensor<256xf32>) -> (tensor<1x128x256xf32> {jax.result_info = ""}) {
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %cst_0 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %cst_1 = stablehlo.constant dense<2.560000e+02> : tensor<f32>
    %cst_2 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %cst_3 = stablehlo.constant dense<1.250000e-01> : tensor<f32>
    %cst_4 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %cst_5 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %cst_6 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %cst_7 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %0 = stablehlo.reduce(%arg0 init: %cst) applies stablehlo.add across dimensions = [2] : (tensor<1x128x256xf32>, tensor<f32>) -> tensor<1x128xf32>
    %1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<1x128xf32>
    %2 = stablehlo.divide %0, %1 : tensor<1x128xf32>
    %3 = stablehlo.broadcast_in_dim %2, dims = [0, 1] : (tensor<1x128xf32>) -> tensor<1x128x1xf32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [0, 1, 2] : (tensor<1x128x1xf32>) -> tensor<1x128x256xf32>
    %5 = stablehlo.subtract %arg0, %4 : tensor<1x128x256xf32>
    %6 = stablehlo.multiply %5, %5 : tensor<1x128x256xf32>
    %7 = stablehlo.reduce(%6 init: %cst) applies stablehlo.add across dimensions = [2] : (tensor<1x128x256xf32>, tensor<f32>) -> tensor<1x128xf32>
    %8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<1x128xf32>
    %9 = stablehlo.divide %7, %8 : tensor<1x128xf32>
    %10 = stablehlo.broadcast_in_dim %9, dims = [0, 1] : (tensor<1x128xf32>) -> tensor<1x128x1xf32>
    %11 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<1x128x1xf32>
    %12 = stablehlo.add %10, %11 : tensor<1x128x1xf32>
    %13 = stablehlo.rsqrt %12 : tensor<1x128x1xf32>
    %14 = stablehlo.broadcast_in_dim %13, dims = [0, 1, 2] : (tensor<1x128x1xf32>) -> tensor<1x128x256xf32>
    %15 = stablehlo.multiply %5, %14 : tensor<1x128x256xf32>
    %16 = stablehlo.broadcast_in_dim %arg1, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %17 = stablehlo.multiply %15, %16 : tensor<1x128x256xf32>
    %18 = stablehlo.broadcast_in_dim %arg2, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %19 = stablehlo.add %17, %18 : tensor<1x128x256xf32>
    %20 = stablehlo.dot_general %19, %arg3, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<1x128x256xf32>, tensor<256x256xf32>) -> tensor<1x128x256xf32>
    %21 = stablehlo.broadcast_in_dim %arg4, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %22 = stablehlo.add %20, %21 : tensor<1x128x256xf32>
    %23 = stablehlo.reshape %22 : (tensor<1x128x256xf32>) -> tensor<1x128x4x64xf32>
    %24 = stablehlo.transpose %23, dims = [0, 2, 1, 3] : (tensor<1x128x4x64xf32>) -> tensor<1x4x128x64xf32>
    %25 = stablehlo.dot_general %19, %arg5, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<1x128x256xf32>, tensor<256x256xf32>) -> tensor<1x128x256xf32>
    %26 = stablehlo.broadcast_in_dim %arg6, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %27 = stablehlo.add %25, %26 : tensor<1x128x256xf32>
    %28 = stablehlo.reshape %27 : (tensor<1x128x256xf32>) -> tensor<1x128x4x64xf32>
    %29 = stablehlo.transpose %28, dims = [0, 2, 1, 3] : (tensor<1x128x4x64xf32>) -> tensor<1x4x128x64xf32>
    %30 = stablehlo.dot_general %19, %arg7, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<1x128x256xf32>, tensor<256x256xf32>) -> tensor<1x128x256xf32>
    %31 = stablehlo.broadcast_in_dim %arg8, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %32 = stablehlo.add %30, %31 : tensor<1x128x256xf32>
    %33 = stablehlo.reshape %32 : (tensor<1x128x256xf32>) -> tensor<1x128x4x64xf32>
    %34 = stablehlo.transpose %33, dims = [0, 2, 1, 3] : (tensor<1x128x4x64xf32>) -> tensor<1x4x128x64xf32>
    %35 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<1x4x128x64xf32>
    %36 = stablehlo.multiply %24, %35 : tensor<1x4x128x64xf32>
    %37 = stablehlo.dot_general %36, %29, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<1x4x128x64xf32>, tensor<1x4x128x64xf32>) -> tensor<1x4x128x128xf32>
    %38 = stablehlo.reduce(%37 init: %cst_0) applies stablehlo.maximum across dimensions = [3] : (tensor<1x4x128x128xf32>, tensor<f32>) -> tensor<1x4x128xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1, 2] : (tensor<1x4x128xf32>) -> tensor<1x4x128x1xf32>
    %40 = stablehlo.broadcast_in_dim %39, dims = [0, 1, 2, 3] : (tensor<1x4x128x1xf32>) -> tensor<1x4x128x128xf32>
    %41 = stablehlo.subtract %37, %40 : tensor<1x4x128x128xf32>
    %42 = stablehlo.exponential %41 : tensor<1x4x128x128xf32>
    %43 = stablehlo.reduce(%42 init: %cst) applies stablehlo.add across dimensions = [3] : (tensor<1x4x128x128xf32>, tensor<f32>) -> tensor<1x4x128xf32>
    %44 = stablehlo.broadcast_in_dim %43, dims = [0, 1, 2] : (tensor<1x4x128xf32>) -> tensor<1x4x128x1xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0, 1, 2, 3] : (tensor<1x4x128x1xf32>) -> tensor<1x4x128x128xf32>
    %46 = stablehlo.divide %42, %45 : tensor<1x4x128x128xf32>
    %47 = stablehlo.dot_general %46, %34, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2], precision = [DEFAULT, DEFAULT] : (tensor<1x4x128x128xf32>, tensor<1x4x128x64xf32>) -> tensor<1x4x128x64xf32>
    %48 = stablehlo.transpose %47, dims = [0, 2, 1, 3] : (tensor<1x4x128x64xf32>) -> tensor<1x128x4x64xf32>
    %49 = stablehlo.reshape %48 : (tensor<1x128x4x64xf32>) -> tensor<1x128x256xf32>
    %50 = stablehlo.dot_general %49, %arg9, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<1x128x256xf32>, tensor<256x256xf32>) -> tensor<1x128x256xf32>
    %51 = stablehlo.broadcast_in_dim %arg10, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %52 = stablehlo.add %50, %51 : tensor<1x128x256xf32>
    %53 = stablehlo.add %arg0, %52 : tensor<1x128x256xf32>
    %54 = stablehlo.reduce(%53 init: %cst) applies stablehlo.add across dimensions = [2] : (tensor<1x128x256xf32>, tensor<f32>) -> tensor<1x128xf32>
    %55 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<1x128xf32>
    %56 = stablehlo.divide %54, %55 : tensor<1x128xf32>
    %57 = stablehlo.broadcast_in_dim %56, dims = [0, 1] : (tensor<1x128xf32>) -> tensor<1x128x1xf32>
    %58 = stablehlo.broadcast_in_dim %57, dims = [0, 1, 2] : (tensor<1x128x1xf32>) -> tensor<1x128x256xf32>
    %59 = stablehlo.subtract %53, %58 : tensor<1x128x256xf32>
    %60 = stablehlo.multiply %59, %59 : tensor<1x128x256xf32>
    %61 = stablehlo.reduce(%60 init: %cst) applies stablehlo.add across dimensions = [2] : (tensor<1x128x256xf32>, tensor<f32>) -> tensor<1x128xf32>
    %62 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<1x128xf32>
    %63 = stablehlo.divide %61, %62 : tensor<1x128xf32>
    %64 = stablehlo.broadcast_in_dim %63, dims = [0, 1] : (tensor<1x128xf32>) -> tensor<1x128x1xf32>
    %65 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<1x128x1xf32>
    %66 = stablehlo.add %64, %65 : tensor<1x128x1xf32>
    %67 = stablehlo.rsqrt %66 : tensor<1x128x1xf32>
    %68 = stablehlo.broadcast_in_dim %67, dims = [0, 1, 2] : (tensor<1x128x1xf32>) -> tensor<1x128x256xf32>
    %69 = stablehlo.multiply %59, %68 : tensor<1x128x256xf32>
    %70 = stablehlo.broadcast_in_dim %arg11, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %71 = stablehlo.multiply %69, %70 : tensor<1x128x256xf32>
    %72 = stablehlo.broadcast_in_dim %arg12, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %73 = stablehlo.add %71, %72 : tensor<1x128x256xf32>
    %74 = stablehlo.dot_general %73, %arg13, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<1x128x256xf32>, tensor<256x1024xf32>) -> tensor<1x128x1024xf32>
    %75 = stablehlo.broadcast_in_dim %arg14, dims = [2] : (tensor<1024xf32>) -> tensor<1x128x1024xf32>
    %76 = stablehlo.add %74, %75 : tensor<1x128x1024xf32>
    %77 = stablehlo.multiply %76, %76 : tensor<1x128x1024xf32>
    %78 = stablehlo.multiply %77, %76 : tensor<1x128x1024xf32>
    %79 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<1x128x1024xf32>
    %80 = stablehlo.multiply %79, %78 : tensor<1x128x1024xf32>
    %81 = stablehlo.add %76, %80 : tensor<1x128x1024xf32>
    %82 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<1x128x1024xf32>
    %83 = stablehlo.multiply %82, %81 : tensor<1x128x1024xf32>
    %84 = stablehlo.tanh %83 : tensor<1x128x1024xf32>
    %85 = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<1x128x1024xf32>
    %86 = stablehlo.add %85, %84 : tensor<1x128x1024xf32>
    %87 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<1x128x1024xf32>
    %88 = stablehlo.multiply %87, %86 : tensor<1x128x1024xf32>
    %89 = stablehlo.multiply %76, %88 : tensor<1x128x1024xf32>
    %90 = stablehlo.dot_general %89, %arg15, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<1x128x1024xf32>, tensor<1024x256xf32>) -> tensor<1x128x256xf32>
    %91 = stablehlo.broadcast_in_dim %arg16, dims = [2] : (tensor<256xf32>) -> tensor<1x128x256xf32>
    %92 = stablehlo.add %90, %91 : tensor<1x128x256xf32>
    %93 = stablehlo.add %53, %92 : tensor<1x128x256xf32>
    return %93 : tensor<1x128x256xf32>
  }
}
