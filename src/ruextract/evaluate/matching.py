"""One-to-one matching: the largest matching of a bipartite graph, and the assignment of largest
total weight (Kuhn–Munkres, the Hungarian algorithm).

Both are exact and pure Python. The assignment splits the weight graph into connected components
first and solves each one densely, so a document with a hundred clusters costs little when, as in
coreference, each cluster overlaps only a few others.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

Left = TypeVar("Left", bound=Hashable)
Right = TypeVar("Right", bound=Hashable)


def max_matching(edges: Mapping[Left, Iterable[Right]]) -> dict[Left, Right]:
    """A maximum-cardinality one-to-one matching, as ``{left: right}``.

    ``edges`` maps each left node to the right nodes it may be matched with. Each left node in turn
    looks for an augmenting path (breadth first, so no recursion limit); the result is the largest
    number of pairs any one-to-one matching can have.
    """
    neighbours = {left: list(rights) for left, rights in edges.items()}
    match_left: dict[Left, Right] = {}
    match_right: dict[Right, Left] = {}
    for root in neighbours:
        reached_from: dict[Right, Left] = {}  # right node -> the left node that reached it
        frontier, visited, free = [root], {root}, None
        while frontier and free is None:
            next_frontier = []
            for left in frontier:
                for right in neighbours[left]:
                    if right in reached_from:
                        continue
                    reached_from[right] = left
                    if right not in match_right:
                        free = right
                        break
                    partner = match_right[right]
                    if partner not in visited:
                        visited.add(partner)
                        next_frontier.append(partner)
                if free is not None:
                    break
            frontier = next_frontier
        right = free
        while right is not None:  # flip the path back to the root
            left = reached_from[right]
            previous = match_left.get(left)
            match_left[left], match_right[right] = right, left
            right = previous if left != root else None
    return match_left


def max_weight_assignment(weights: Mapping[tuple[Left, Right], float]) -> dict[Left, Right]:
    """The one-to-one assignment of largest total weight, as ``{left: right}``.

    ``weights`` holds the positive weights only (a missing pair weighs 0 and is never assigned).
    Exact: Kuhn–Munkres on each connected component of the weight graph.
    """
    assignment: dict[Left, Right] = {}
    for lefts, rights in _components(weights):
        matrix = [[weights.get((left, right), 0.0) for right in rights] for left in lefts]
        for row, column in _hungarian_max(matrix):
            if matrix[row][column] > 0:
                assignment[lefts[row]] = rights[column]
    return assignment


def _components(
    weights: Mapping[tuple[Left, Right], float],
) -> list[tuple[list[Left], list[Right]]]:
    parent: dict[tuple[int, Hashable], tuple[int, Hashable]] = {}

    def find(node: tuple[int, Hashable]) -> tuple[int, Hashable]:
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    for (left, right), weight in weights.items():
        if weight <= 0:
            continue
        a, b = (0, left), (1, right)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[find(a)] = find(b)
    groups: dict[tuple[int, Hashable], tuple[list, list]] = {}
    for node in parent:
        side, value = node
        groups.setdefault(find(node), ([], []))[side].append(value)
    return list(groups.values())


def _hungarian_max(matrix: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """(row, column) pairs of a maximum-weight assignment of a dense matrix (any shape)."""
    if not matrix or not matrix[0]:
        return []
    rows, columns = len(matrix), len(matrix[0])
    if rows > columns:
        transposed = [[matrix[row][column] for row in range(rows)] for column in range(columns)]
        return [(row, column) for column, row in _hungarian_max(transposed)]
    cost = [[-value for value in row] for row in matrix]
    return _hungarian_min(cost)


def _hungarian_min(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost assignment of every row of an n x m cost matrix, n <= m.

    The O(n^2 m) shortest-augmenting-path form with row and column potentials ``u``, ``v``; index 0
    is a virtual column that holds the row being inserted.
    """
    rows, columns = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (columns + 1)
    owner = [0] * (columns + 1)  # owner[j]: the row (1-based) assigned to column j, 0 if none
    way = [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        column = 0
        slack = [inf] * (columns + 1)
        used = [False] * (columns + 1)
        while True:
            used[column] = True
            current, delta, best = owner[column], inf, 0
            for j in range(1, columns + 1):
                if used[j]:
                    continue
                reduced = cost[current - 1][j - 1] - u[current] - v[j]
                if reduced < slack[j]:
                    slack[j], way[j] = reduced, column
                if slack[j] < delta:
                    delta, best = slack[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            column = best
            if owner[column] == 0:
                break
        while column:  # augment along the stored path
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    return [(owner[j] - 1, j - 1) for j in range(1, columns + 1) if owner[j]]
