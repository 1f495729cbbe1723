"""Kept for imports written before 0.2: the Dask runner lives in :mod:`sahel_ner.corpus.dask`."""
from .corpus.dask import (PLUGIN_NAME, DaskExecutor, PipelinePlugin, client_for, extract, local_client,  # noqa: F401
                          run_batch, worker_pipeline)
from .corpus.settings import pipeline_options  # noqa: F401
