"""Two reasons the posts' hand-written loop does not run on Python 3."""

# A print statement without parentheses is Python 2 syntax
try:
    compile('print "loss: %f" % 0.5', "<2018 listing>", "exec")
except SyntaxError as error:
    print(f"SyntaxError: {error.msg}")

# The listing calls dot() but never defines or imports it
try:
    dot([1.0, 2.0], [3.0, 4.0])
except NameError as error:
    print(f"NameError: {error}")
