"""A scalar autograd engine in plain Python: no torch, no numpy."""

# markers: exact
import math


class Scalar:
    """One number in a computation graph, and the gradient it collects."""

    def __init__(self, value, inputs=()):
        self.value = float(value)
        self.inputs = inputs  # (1)!
        self.grad = 0.0

    def __add__(self, other):
        other = lift(other)
        return Scalar(self.value + other.value, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        other = lift(other)
        return Scalar(
            self.value * other.value,
            ((self, other.value), (other, self.value)),
        )  # (2)!

    def __pow__(self, k):  # k is a plain number, not a Scalar
        return Scalar(self.value**k, ((self, k * self.value ** (k - 1)),))

    def exp(self):
        e = math.exp(self.value)
        return Scalar(e, ((self, e),))

    def log(self):
        return Scalar(math.log(self.value), ((self, 1.0 / self.value),))

    def tanh(self):
        t = math.tanh(self.value)
        return Scalar(t, ((self, 1.0 - t * t),))

    def relu(self):
        return Scalar(max(self.value, 0.0), ((self, float(self.value > 0)),))

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + -lift(other)

    def __truediv__(self, other):
        return self * lift(other) ** -1.0

    __radd__, __rmul__ = __add__, __mul__  # (3)!
    __rsub__ = lambda self, other: lift(other) - self
    __rtruediv__ = lambda self, other: lift(other) / self

    def backward(self):
        order = topological_order(self)  # (4)!
        upstream = {self: 1.0}  # (5)!
        for node in reversed(order):
            for parent, local in node.inputs:  # (6)!
                upstream[parent] = (
                    upstream.get(parent, 0.0) + local * upstream[node]
                )
        for node in order:
            if not node.inputs:
                node.grad += upstream[node]  # (7)!


def lift(x):
    """A plain number becomes a constant leaf of the graph."""
    return x if isinstance(x, Scalar) else Scalar(x)


def topological_order(root):
    """Every node root depends on, each one after all of its inputs."""
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent, _ in node.inputs:
                visit(parent)
            order.append(node)

    visit(root)
    return order


def zero_grad(params):
    """What optimizer.zero_grad() is for: start the next sum from zero."""
    for p in params:
        p.grad = 0.0  # (8)!


if __name__ == "__main__":
    x, w, b = Scalar(1.5), Scalar(-0.4), Scalar(0.3)
    loss = ((w * x + b).tanh() - 1.0) ** 2
    order = topological_order(loss)
    print(
        len(order),
        "nodes; the leaves:",
        [node.value for node in order if not node.inputs],
    )
    loss.backward()
    print(
        f"loss {loss.value:.6f}  x.grad {x.grad:.6f}  "
        f"w.grad {w.grad:.6f}  b.grad {b.grad:.6f}"
    )
