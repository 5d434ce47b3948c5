"""Reading the journal: a month, some months or every month (each merged from every file of
that month), and the problems that keep a file from being read."""

from __future__ import annotations

import os

from glutewake.core.frozen import replace
from glutewake.core.journal import Month, merge, merge_copies, repeated_id
from glutewake.core.records import Journal
from glutewake.store import decoding, journal_codec
from glutewake.store.errors import RepeatedId, StoreError
from glutewake.store.files import read_bytes
from glutewake.store.profile_files import ProfileFiles

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutewake.store.folder import Listing


def _parsed_name(name: str) -> str:
    """A journal file's entry in the parsed-TOML cache (by its name: every device's file of a
    month, and each conflict copy, has its own)."""
    return f"journal-{name}"


class JournalReader(ProfileFiles):
    """The journal's months as every machine's files hold them."""

    # -- journal: reading --------------------------------------------------------------
    def read_month(
        self, month: Month, listing: Listing | None = None, *, day_starts_at: int | None = None
    ) -> Journal:
        """One month's records from every file of that month (empty when it has none), with
        its deletions and edits applied and the user's day start (or `day_starts_at`, when the
        caller read it already)."""
        if day_starts_at is None:
            day_starts_at = self.day_starts_at()
        return replace(merge([self._raw_month(month, listing)]), day_starts_at=day_starts_at)

    def _merged_month(self, month: Month, listing: Listing | None = None) -> Journal:
        return merge([self._raw_month(month, listing)])

    def _raw_month(self, month: Month, listing: Listing | None = None) -> Journal:
        files = (self.listing() if listing is None else listing).get(month, [])
        return merge_copies(self._read_file(self._in_journal(f.name)) for f in files)

    def _read_file(self, path: str) -> Journal:
        data = read_bytes(path)
        if data is None:
            return Journal()

        def decode() -> Journal:
            loads = self._loads(_parsed_name(os.path.basename(path)))
            document, text = decoding.parse_document(path, data, "journal", loads)
            return journal_codec.journal_from_document(path, text, document)

        return self._decode_once(path, data, decode)

    def read_months(self, months: Iterable[Month]) -> Journal:
        """Only these months' records, merged and sorted oldest first."""
        listing = self.listing()
        day_starts_at = self.day_starts_at()
        return merge(
            self.read_month(month, listing, day_starts_at=day_starts_at) for month in sorted(set(months))
        )

    def read_journal(self, *, skip_problems: bool = False) -> Journal:
        """Every month's records; with `skip_problems`, months that cannot be read are left out
        (call `problems()` to name them). An id kept in two months' files is an error, never
        one record hiding the other."""
        listing = self.listing()
        journals: dict[Month, Journal] = {}
        for month in self.months(listing):
            try:
                journals[month] = self._merged_month(month, listing)
            except StoreError:
                if not skip_problems:
                    raise
        repeated = self._repeated(journals, listing)
        if repeated is not None and not skip_problems:
            raise repeated
        return replace(merge(journals.values()), day_starts_at=self.day_starts_at())

    def _repeated(self, journals: dict[Month, Journal], listing: Listing) -> RepeatedId | None:
        found = repeated_id(journals)
        if found is None:
            return None
        section, record_id, first, second = found
        return RepeatedId(
            section,
            record_id,
            self._place(first, record_id, listing),
            self._place(second, record_id, listing),
        )

    def _place(self, month: Month, record_id: str, listing: Listing) -> tuple[str, int | None]:
        """The file of `month` (and the line) that holds `record_id`."""
        files = listing.get(month, [])
        for found in reversed(files):
            path = self._in_journal(found.name)
            try:
                data = read_bytes(path) or b""
            except StoreError:
                continue
            lines = decoding.Where(data.decode("utf-8", "replace")).id_lines(record_id)
            if lines:
                return path, lines[0]
        return (self._in_journal(files[-1].name) if files else self.journal_folder), None

    def problems(self) -> list[StoreError]:
        """Every file that cannot be read: malformed, from a newer version, or refused by the OS
        (each file once), and ids kept in two months' files."""
        found: list[StoreError] = []
        try:
            self._machine_profile()
        except StoreError as error:
            found.append(error)
        try:
            listing = self.listing()
        except StoreError as error:
            return [*found, error]
        for state_file in listing.get(None, []):
            try:
                self._read_state_file(self._in_journal(state_file.name))
            except StoreError as error:
                found.append(error)
        journals: dict[Month, Journal] = {}
        for month in self.months(listing):
            parts = []
            broken = False
            for name in listing[month]:
                try:
                    parts.append(self._read_file(self._in_journal(name.name)))
                except StoreError as error:
                    found.append(error)
                    broken = True
            if not broken:
                journals[month] = merge([merge_copies(parts)])
        repeated = self._repeated(journals, listing)
        if repeated is not None:
            found.append(repeated)
        return found

    # -- journal: writing --------------------------------------------------------------
