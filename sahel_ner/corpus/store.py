"""The resume store: finished results of an unfinished run, and the lock that
keeps a second run out of the same output folder.

``OUT/.partial/results.jsonl`` holds one ``<key> <record>`` line per finished
article, appended, flushed and fsynced per batch. The key is a hash of the
article's content (text, publication date, read error) and of the language it
is processed in (which a language the input states can change), so ``--resume`` redoes
an article edited since the interruption and reuses one moved or renamed; the
settings the results were made with (sahel_ner version, pipeline options, the
trained model and the ``--lang`` option included) sit next to it in ``settings.json`` and a store made
with other settings is not reused.

Hashes: :func:`hashlib.blake2b` (standard library, faster than SHA-256 in
CPython and collision-safe, unlike a 64-bit xxhash, for corpora of any size).
Lock: :mod:`filelock` (an OS-level lock, released by the kernel if the process
dies, so a killed run never leaves the folder locked).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Iterable

from filelock import FileLock, Timeout

STORE_DIR = ".partial"
LOCK_NAME = ".sahel-ner.lock"


class OutputLocked(RuntimeError):
    """Another run is writing into the same output folder."""


def content_key(text: str | None, published: str | None, error: str | None, lang: str | None = None) -> str:
    """``lang``: the language the article is processed in."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (text, published, error) if lang is None else (text, published, error, lang):
        digest.update(b"\x00" if part is None else b"\x01" + part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def settings_key(settings: dict) -> dict:
    """What a store must have been made with to be resumed from (JSON-normalised)."""
    return json.loads(json.dumps(settings, sort_keys=True, default=str))


def lock_output(out_dir: str | os.PathLike) -> FileLock:
    """Hold ``OUT_DIR`` for this run; :class:`OutputLocked` if another run does."""
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(Path(out_dir) / LOCK_NAME), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise OutputLocked(f"another sahel-ner run is writing to {out_dir}; wait for it to finish "
                           f"or choose another output folder") from None
    return lock


class ResumeStore:
    """Finished records by content key (see the module docstring)."""

    def __init__(self, out_dir: str | os.PathLike, settings: dict):
        self.folder = Path(out_dir) / STORE_DIR
        self.path = self.folder / "results.jsonl"
        self.settings = settings_key(settings)
        self.offsets: dict[str, int] = {}  # key -> byte offset of its record
        self._out = None
        self._reader = None

    def open(self, resume: bool) -> str | None:
        """Start the store: with ``resume``, keep what an earlier run with the same
        settings saved; returns a note when that cannot be done."""
        note = None
        if resume and self.path.exists():
            if self._saved_settings() == self.settings:
                self._load()
            else:
                note = "the unfinished run used other settings; starting over"
        elif resume:
            note = "no unfinished run in this output folder; starting from the beginning"
        if not self.offsets:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / "settings.json").write_text(json.dumps(self.settings, sort_keys=True), encoding="utf-8")
            self.path.write_bytes(b"")
        self._out = self.path.open("ab")
        return note

    def _saved_settings(self):
        try:
            return json.loads((self.folder / "settings.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _load(self) -> None:
        good = 0  # end of the last whole line: a line torn by a kill is cut off
        with self.path.open("rb") as lines:
            for line in lines:
                if not line.endswith(b"\n"):
                    break
                key, _, record = line.partition(b" ")
                try:
                    json.loads(record)
                except ValueError:
                    break
                self.offsets[key.decode("ascii")] = good + len(key) + 1
                good += len(line)
        with self.path.open("r+b") as stream:
            stream.truncate(good)

    def __contains__(self, key: str) -> bool:
        return key in self.offsets

    def __len__(self) -> int:
        return len(self.offsets)

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Append ``(key, record line)`` pairs, durable before returning."""
        chunk = bytearray()
        start = self._out.tell()
        for key, line in pairs:
            if key in self.offsets:
                continue
            self.offsets[key] = start + len(chunk) + len(key) + 1
            chunk += key.encode("ascii") + b" " + line.encode("utf-8") + b"\n"
        if chunk:
            self._out.write(chunk)
            self._out.flush()
            os.fsync(self._out.fileno())

    def get(self, key: str) -> dict:
        """The record saved under ``key`` (read back from disk: the store, not memory, holds the corpus)."""
        if self._reader is None:
            self._reader = self.path.open("rb")
        self._reader.seek(self.offsets[key])
        return json.loads(self._reader.readline())

    def close(self) -> None:
        for stream in (self._out, self._reader):
            if stream is not None:
                stream.close()
        self._out = self._reader = None

    def discard(self) -> None:
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)
