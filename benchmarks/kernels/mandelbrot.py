# kernel: mandelbrot set escape-time float loop


def mandel(width: int, height: int, max_iter: int) -> int:
    total = 0
    for py in range(height):
        ci = -1.2 + 2.4 * py / height
        for px in range(width):
            cr = -2.0 + 3.0 * px / width
            zr = 0.0
            zi = 0.0
            it = 0
            while it < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                it += 1
            total += it
    return total


def main() -> None:
    print("mandelbrot 800x600 total iterations:", mandel(800, 600, 300))


if __name__ == "__main__":
    main()
