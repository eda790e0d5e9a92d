// Known answers for fft, triangular_solve and rng_bit_generator; the
// program checks its own results.
module @jit_main {
  func.func public @main() -> (tensor<2xui32>, tensor<2xui64>, tensor<2x1xf32>, tensor<4xcomplex<f32>>) {
    // Random123's known answers for key 0 and counter 0: Threefry-2x32 with
    // 20 rounds gives 0x6b200159 0x99ba4efe, Philox-4x32-10 0x6627e8d5
    // 0xe169c58d 0xbc57ac4c 0x9b00dbd8. XLA's state is [key, counter]; the
    // counter advances by the blocks used, here one.
    %zero_state = stablehlo.constant dense<0> : tensor<2xui64>
    %state, %three_fry = stablehlo.rng_bit_generator %zero_state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<2xui32>)
    %three_fry_expected = stablehlo.constant dense<[1797259609, 2579123966]> : tensor<2xui32>
    %state_expected = stablehlo.constant dense<[0, 1]> : tensor<2xui64>
    stablehlo.custom_call @check.expect_eq(%three_fry, %three_fry_expected) {has_side_effect = true} : (tensor<2xui32>, tensor<2xui32>) -> ()
    stablehlo.custom_call @check.expect_eq(%state, %state_expected) {has_side_effect = true} : (tensor<2xui64>, tensor<2xui64>) -> ()
    // 64 bits join the two words, the first low.
    %state64, %three_fry64 = stablehlo.rng_bit_generator %zero_state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<ui64>)
    %three_fry64_expected = stablehlo.constant dense<11077253088097075545> : tensor<ui64>
    stablehlo.custom_call @check.expect_eq(%three_fry64, %three_fry64_expected) {has_side_effect = true} : (tensor<ui64>, tensor<ui64>) -> ()
    %zero_state3 = stablehlo.constant dense<0> : tensor<3xui64>
    %philox_state, %philox = stablehlo.rng_bit_generator %zero_state3, algorithm = PHILOX : (tensor<3xui64>) -> (tensor<3xui64>, tensor<4xui32>)
    %philox_expected = stablehlo.constant dense<[1713891541, 3781805453, 3159862348, 2600524760]> : tensor<4xui32>
    %philox_state_expected = stablehlo.constant dense<[0, 1, 0]> : tensor<3xui64>
    stablehlo.custom_call @check.expect_eq(%philox, %philox_expected) {has_side_effect = true} : (tensor<4xui32>, tensor<4xui32>) -> ()
    stablehlo.custom_call @check.expect_eq(%philox_state, %philox_state_expected) {has_side_effect = true} : (tensor<3xui64>, tensor<3xui64>) -> ()

    // [[2, .], [1, 4]] x = [[2], [9]]: x = [[1], [2]]. The upper triangle,
    // NaN here, is not read.
    %a = stablehlo.constant dense<[[2.0, 0x7FC00000], [1.0, 4.0]]> : tensor<2x2xf32>
    %b = stablehlo.constant dense<[[2.0], [9.0]]> : tensor<2x1xf32>
    %x = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x2xf32>, tensor<2x1xf32>) -> tensor<2x1xf32>
    %x_expected = stablehlo.constant dense<[[1.0], [2.0]]> : tensor<2x1xf32>
    stablehlo.custom_call @check.expect_close(%x, %x_expected) {has_side_effect = true} : (tensor<2x1xf32>, tensor<2x1xf32>) -> ()
    // x [[2, 1], [., 4]]^T = [[2, 9]] with a unit diagonal: x = [[2, 7]].
    %row = stablehlo.constant dense<[[2.0, 9.0]]> : tensor<1x2xf32>
    %y = "stablehlo.triangular_solve"(%a, %row) <{left_side = false, lower = true, transpose_a = #stablehlo<transpose TRANSPOSE>, unit_diagonal = true}> : (tensor<2x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
    %y_expected = stablehlo.constant dense<[[2.0, 7.0]]> : tensor<1x2xf32>
    stablehlo.custom_call @check.expect_close(%y, %y_expected) {has_side_effect = true} : (tensor<1x2xf32>, tensor<1x2xf32>) -> ()

    // The DFT of [1, 2, 3, 4]; RFFT keeps its first 3 values, IRFFT and
    // IFFT go back.
    %signal = stablehlo.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
    %half_spectrum = stablehlo.fft %signal, type = RFFT, length = [4] : (tensor<4xf32>) -> tensor<3xcomplex<f32>>
    %half_expected = stablehlo.constant dense<[(10.0, 0.0), (-2.0, 2.0), (-2.0, 0.0)]> : tensor<3xcomplex<f32>>
    stablehlo.custom_call @check.expect_close(%half_spectrum, %half_expected) {has_side_effect = true} : (tensor<3xcomplex<f32>>, tensor<3xcomplex<f32>>) -> ()
    %real_signal = stablehlo.fft %half_spectrum, type = IRFFT, length = [4] : (tensor<3xcomplex<f32>>) -> tensor<4xf32>
    stablehlo.custom_call @check.expect_close(%real_signal, %signal) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
    %complex_signal = stablehlo.constant dense<[(1.0, 0.0), (2.0, 0.0), (3.0, 0.0), (4.0, 0.0)]> : tensor<4xcomplex<f32>>
    %spectrum = stablehlo.fft %complex_signal, type = FFT, length = [4] : (tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>>
    %spectrum_expected = stablehlo.constant dense<[(10.0, 0.0), (-2.0, 2.0), (-2.0, 0.0), (-2.0, -2.0)]> : tensor<4xcomplex<f32>>
    stablehlo.custom_call @check.expect_close(%spectrum, %spectrum_expected) {has_side_effect = true} : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> ()
    %inverse = stablehlo.fft %spectrum, type = IFFT, length = [4] : (tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>>
    stablehlo.custom_call @check.expect_close(%inverse, %complex_signal) {has_side_effect = true} : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> ()
    return %three_fry, %state, %x, %spectrum : tensor<2xui32>, tensor<2xui64>, tensor<2x1xf32>, tensor<4xcomplex<f32>>
  }
}
