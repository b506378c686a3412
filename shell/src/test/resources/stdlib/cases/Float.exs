# Float (Elixir 1.14)
Float.ceil(34.25)
Float.ceil(-56.5)
Float.ceil(34.251, 2)
Float.ceil(-0.01)
Float.ceil(1)
Float.ceil(1.5, 16)
Float.floor(34.25)
Float.floor(-56.5)
Float.floor(34.259, 2)
Float.floor(12.52, 2)
Float.floor(-0.01)
Float.round(5.5674, 3)
Float.round(5.5675, 3)
Float.round(-5.5674, 3)
Float.round(-5.5675)
Float.round(-5.5675, 3)
Float.round(-0.01)
Float.round(5.5)
Float.round(6.5)
Float.round(2.675, 2)
Float.round(1)
Float.round(1.0, -1)
Float.parse("34")
Float.parse("34.25")
Float.parse("56.5xyz")
Float.parse("pi")
Float.parse("1.7976931348623159e308")
Float.parse(".5")
Float.parse("-1.5e3")
Float.parse("1e3")
Float.parse("")
Float.to_string(7.0)
Float.to_string(1.0e10)
Float.to_string(0.1)
Float.to_string(1.0e-10)
Float.to_string(-0.0)
Float.to_string(123456789.123)
Float.to_string(1)
Float.to_charlist(7.0)
Float.ratio(0.25)
Float.ratio(0.75)
Float.ratio(3.14)
Float.ratio(-0.75)
Float.ratio(0.0)
Float.min_finite()
Float.max_finite()
Float.pow(2.0, 3)
Float.pow(2.0, -1)
1.0e10
1.0e16
1.0e-5
0.1 + 0.2
1.0 / 3
3.14 * 2
-0.0
1.5e300 * 1.5e300
:math.sqrt(2)
round(2.5)
round(-2.5)
trunc(2.7)
trunc(-2.7)
ceil(2.1)
floor(-2.1)
is_float(1.0)
1.0 == 1
10 / 2
0.1
100.0
123456789012345.0
1234567890123456789.0
Float.parse(:a)
