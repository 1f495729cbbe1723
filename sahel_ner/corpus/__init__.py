"""A corpus in, outputs out: the batch as one package.

==================  ===============================================================
:mod:`.readers`     files and records -> :class:`ArticleInput` (never raises)
:mod:`.formats`     text and date out of HTML, Markdown, headers and datelines
:mod:`.process`     a batch of inputs through the pipeline of their language -> compact result lines
:mod:`.runner`      one runner: this process, ``n_process`` workers (or Dask)
:mod:`.store`       the resume store (content-keyed) and the output-folder lock
:mod:`.settings`    pipeline options and run settings (what a resume must match)
:mod:`.report`      the run report
:mod:`.dask`        the Dask executor and clients (needs ``sahel-ner[dask]``)
==================  ===============================================================
"""
from .process import Pipelines
from .readers import DEFAULT_MAX_BYTES, ArticleInput, iter_inputs, read_file
from .report import RunReport
from .runner import ProcessPool, Serial, executor_for, process_stream, run
from .settings import pipeline_options, run_settings
from .store import OutputLocked, ResumeStore

__all__ = ["DEFAULT_MAX_BYTES", "ArticleInput", "OutputLocked", "Pipelines", "ProcessPool", "ResumeStore", "RunReport",
           "Serial", "executor_for", "iter_inputs", "pipeline_options", "process_stream", "read_file", "run", "run_settings"]
