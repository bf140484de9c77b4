"""DistributedDataParallel: two CPU processes, gradients averaged."""

# markers: cpu-only, timeout=60
import gc
import socket
from datetime import timedelta

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP

WORLD_SIZE = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker(rank, port, report):
    dist.init_process_group(
        "gloo",
        init_method=f"tcp://127.0.0.1:{port}",
        rank=rank,
        world_size=WORLD_SIZE,
        timeout=timedelta(seconds=30),
    )
    layer = nn.Linear(3, 1, bias=False)
    nn.init.constant_(layer.weight, rank + 1.0)  # differ on purpose
    seen = [f"weights before DDP(...)     {layer.weight.data.tolist()}"]
    model = DDP(layer)  # (1)!
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    x = torch.full((1, 3), rank + 1.0)  # rank 0 sees ones, rank 1 twos
    w = model.module.weight
    seen.append(f"weights after DDP(...)      {w.data.tolist()}")

    optimizer.zero_grad()  # (2)!
    with model.no_sync():
        model(x).sum().backward()  # (3)!
    seen.append(f"grad inside no_sync()       {w.grad.tolist()}")

    optimizer.zero_grad()
    model(x).sum().backward()  # (4)!
    seen.append(f"grad after DDP backward     {w.grad.tolist()}")

    optimizer.zero_grad()
    with model.no_sync():
        model(x).sum().backward()  # micro-batch 1: stays local
    model(x).sum().backward()  # (5)!
    seen.append(f"grad after no_sync + sync   {w.grad.tolist()}")

    optimizer.step()  # (6)!
    seen.append(f"weights after step()        {w.data.tolist()}")

    everything = [None] * WORLD_SIZE
    dist.all_gather_object(everything, seen)
    if rank == 0:  # one report, in rank order, printed by the parent
        report.put(
            [
                f"rank {r}: {everything[r][line]}"
                for line in range(len(seen))
                for r in range(WORLD_SIZE)
            ]
        )
    # DDP keeps the process group alive through reference cycles: free it
    # first, or the process can abort at exit (torch 2.13, gloo)
    del model
    gc.collect()
    dist.destroy_process_group()


if __name__ == "__main__":
    # spawn: each worker is a fresh interpreter that imports this file
    # as a module; forking a process that has loaded torch can deadlock
    report = mp.get_context("spawn").SimpleQueue()
    mp.spawn(worker, args=(free_port(), report), nprocs=WORLD_SIZE)
    print("\n".join(report.get()))
