"""FFTs: fft/ifft/rfft/irfft/fft2/ifft2/rfft2/fftn/ifftn/rfftn/irfftn/hfft,
with n= padding and cropping, norms, axes, odd and power-of-two sizes."""

import jax.numpy as jnp
import numpy as np

from .common import SHORT, Registry, rand


def cases():
    R = Registry()
    for dtype in ["complex64", "complex128"]:
        s = SHORT[dtype]
        x = rand((4, 16), dtype, 1)
        odd = rand((3, 7), dtype, 2)
        R.add(f"fft_{s}", jnp.fft.fft, x, tol="fft")
        R.add(f"fft_odd_{s}", jnp.fft.fft, odd, tol="fft")
        R.add(f"ifft_{s}", jnp.fft.ifft, x, tol="fft")
        R.add(f"fft_n_pad_{s}", lambda a: jnp.fft.fft(a, n=20), x, tol="fft")
        R.add(f"fft_n_crop_{s}", lambda a: jnp.fft.fft(a, n=5), odd, tol="fft")
        R.add(f"fft_axis0_ortho_{s}", lambda a: jnp.fft.fft(a, axis=0, norm="ortho"), x, tol="fft")
        R.add(f"ifft_forward_{s}", lambda a: jnp.fft.ifft(a, norm="forward"), odd, tol="fft")
        R.add(f"fft2_{s}", jnp.fft.fft2, rand((2, 6, 8), dtype, 3), tol="fft")
        R.add(f"ifft2_{s}", jnp.fft.ifft2, rand((5, 9), dtype, 4), tol="fft")
        R.add(f"fftn_{s}", jnp.fft.fftn, rand((3, 4, 5), dtype, 5), tol="fft")
        R.add(f"ifftn_axes_{s}", lambda a: jnp.fft.ifftn(a, axes=(0, 2)), rand((3, 4, 5), dtype, 6),
              tol="fft")
    for dtype in ["float32", "float64"]:
        s = SHORT[dtype]
        x = rand((4, 16), dtype, 11)
        R.add(f"rfft_{s}", jnp.fft.rfft, x, tol="fft")
        R.add(f"rfft_odd_{s}", jnp.fft.rfft, rand((3, 15), dtype, 12), tol="fft")
        R.add(f"rfft_n_{s}", lambda a: jnp.fft.rfft(a, n=10), x, tol="fft")
        R.add(f"irfft_{s}", lambda a: jnp.fft.irfft(jnp.fft.rfft(a)), x, tol="fft")
        R.add(f"irfft_odd_n_{s}", lambda a: jnp.fft.irfft(a, n=9),
              rand((3, 5), "complex64" if dtype == "float32" else "complex128", 13), tol="fft")
        R.add(f"rfft2_{s}", jnp.fft.rfft2, rand((6, 10), dtype, 14), tol="fft")
        R.add(f"rfftn_{s}", jnp.fft.rfftn, rand((2, 4, 6), dtype, 15), tol="fft")
        R.add(f"irfftn_{s}", lambda a: jnp.fft.irfftn(a, s=(4, 6)),
              rand((4, 4), "complex64" if dtype == "float32" else "complex128", 16), tol="fft")
        R.add(f"hfft_{s}", jnp.fft.hfft,
              rand((9,), "complex64" if dtype == "float32" else "complex128", 17), tol="fft")
        R.add(f"fft_of_real_{s}", jnp.fft.fft, rand((12,), dtype, 18), tol="fft")
    R.add("fftfreq_shift", lambda a: jnp.fft.fftshift(jnp.fft.fft(a)),
          rand((10,), "complex64", 19), tol="fft")
    R.add("fft_size1", jnp.fft.fft, rand((3, 1), "complex64", 20), tol="fft")
    R.add("fft_1024_c64", jnp.fft.fft, rand((1024,), "complex64", 21), tol="fft")
    R.add("rfft_17x33_f32", jnp.fft.rfft2, rand((17, 33), "float32", 22), tol="fft")
    return R.cases
