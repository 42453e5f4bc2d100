"""ruextract.dask on a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from ruextract.dask import extract_bag, extract_dataframe

TEXTS = [f"Мэр города номер {index} встретился с губернатором Подмосковья." for index in range(8)]


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    with Client(cluster) as client:
        yield client
    cluster.close()


def test_dask_bag_gives_one_output_per_document_in_order(client, nlp):
    items = [{"id": f"d{index}", "text": text} for index, text in enumerate(TEXTS)] + [None]
    outputs = extract_bag(db.from_sequence(items, npartitions=4)).compute()
    assert [output["id"] for output in outputs] == [f"d{index}" for index in range(8)] + ["2:2"]  # partition 2, position 2
    assert outputs[-1]["error"]["type"] == "TypeError"
    assert outputs[0]["entities"] == nlp(TEXTS[0], id="d0").output()["entities"]
    workers = client.run(lambda: __import__("ruextract.dask").dask._pipelines.__len__())
    assert len(workers) == 2 and all(count <= 1 for count in workers.values())


def test_dask_dataframe_keeps_index_ids_and_dates(client):
    frame = pd.DataFrame({"key": [f"k{index}" for index in range(8)], "body": TEXTS,
                          "date": pd.to_datetime(["2021-05-01"] * 8)})
    result = extract_dataframe(dd.from_pandas(frame, npartitions=2), text="body", id="key",
                               published="date").compute()
    assert list(result["id"]) == list(frame["key"])
    assert all(output["published"] == "2021-05-01" for output in result["output"])


def test_dask_dataframe_without_the_text_column_says_which_to_name():
    frame = dd.from_pandas(pd.DataFrame({"body": ["a"]}), npartitions=1)
    with pytest.raises(ValueError, match="text=<the text column>"):
        extract_dataframe(frame)
