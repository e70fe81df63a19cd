"""A board kept in a .dmu file (SQLite through SQLAlchemy).

:class:`BoardFile` is the store behind a :class:`~dmuboard.model.document.Document`:
each change is written in one transaction the moment it is made (rows upserted or
deleted by key, so the cost does not grow with the board), with
``journal_mode=DELETE`` and ``synchronous=FULL``. A killed process loses at most the
change in flight; SQLite's journal rolls a half-written one back on the next open.

New files and copies are written next to their destination under a temporary name
and renamed into place, so a file is there whole or not at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dmuboard.localfiles import shown
from dmuboard.model.board import Board, BoardInfo, Link, Person, View
from dmuboard.model.document import Change, Document, check_board, reporting_cycle
from dmuboard.model.errors import BoardError, NotABoardError, ReadOnlyError, StoreError
from dmuboard.model.history.delta import delta_of
from dmuboard.model.history.entry import Entry, now_utc, system_user
from dmuboard.model.profile import board_profile_from_json
from dmuboard.model.repair import Repair, plan_repair
from dmuboard.store import historyrows, safety, sidecars
from dmuboard.store.historyfile import HistoryOfFile
from dmuboard.store.migrate import upgrade
from dmuboard.store.tables import APPLICATION_ID, COLUMNS, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from dmuboard.store.schema import Base

BOARD_ID = 1

# Opening a board reads its rows with the standard sqlite3 module; SQLAlchemy (a second
# of start-up) is imported only when the first change is written, or earlier by
# :meth:`BoardFile.prepare_writing` once the window has painted.

# Every open file gets its own engine; they share one cache of compiled statements,
# so writing a change does not compile the same SQL again.
_COMPILED: list[Any] = []
# SQLAlchemy keys that cache by the dialect object, so all engines use the first one's.
_DIALECT: list[Any] = []


def _engine(raw: sqlite3.Connection, *, write: bool) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool
    from sqlalchemy.util import LRUCache

    base = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    if _DIALECT:
        base.dialect = _DIALECT[0]
    else:
        _DIALECT.append(base.dialect)
    if not _COMPILED:
        _COMPILED.append(LRUCache(500))
    engine = base.execution_options(compiled_cache=_COMPILED[0])

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:  # the driver's own BEGIN is switched off
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def explain(error: BaseException, name: str, *, new_file: bool = False) -> str:
    """A sentence for a user about why writing to the file ``name`` failed.

    ``new_file`` is for a file being made (a new board, a copy) rather than a change
    to the open board.
    """
    if isinstance(error, OSError) and error.strerror:
        text = error.strerror  # without the temporary file's name
    else:
        text = str(getattr(error, "orig", None) or error)
    lowered = text.lower()
    full = "disk is full" in lowered or "no space" in lowered or (isinstance(error, OSError) and error.errno == 28)
    read_only = "readonly" in lowered or "read-only" in lowered or "permission denied" in lowered
    if new_file:
        if full:
            return f"The disk is full, so {name} could not be written. Free some space, or choose another place."
        if read_only:
            return f"{name} cannot be written there (no permission). Choose another place."
        return f"{name} could not be written: {text}."
    if full:
        return f"The disk is full, so the change was not saved to {name}. Free some space, or save a copy elsewhere."
    code = getattr(getattr(error, "orig", None) or error, "sqlite_errorcode", None)
    if code == getattr(sqlite3, "SQLITE_READONLY_DBMOVED", 1032):
        return (
            f"{name} was moved or replaced by another program while it was open, so the change was not "
            "saved. Save a copy elsewhere."
        )
    if read_only:
        return (
            f"{name} can no longer be written (it became read-only), so the change was not saved. "
            "Save a copy elsewhere."
        )
    if "locked" in lowered or "busy" in lowered:
        return f"{name} is being written by another program, so the change was not saved. Try again."
    return f"The change could not be saved to {name}: {text}."


class BoardFile(HistoryOfFile):
    """An open .dmu file and the board in it (its history: :class:`HistoryOfFile`)."""

    def __init__(self, path: Path, raw: sqlite3.Connection, read_only_reason: str | None) -> None:
        self.path = path
        self.read_only_reason = read_only_reason
        # What the user should be told about opening it (a journal played back), or None.
        self.notice: str | None = None
        # A board that breaks a rule opens read-only, shown as the smallest fix would
        # leave it; ``repair`` says what is wrong and what the fix removes.
        self.repair: Repair | None = None
        self.original: Board | None = None  # the board as the file holds it, when broken
        self._raw = raw
        self._writer: tuple[Engine, Connection] | None = None  # made on the first write
        self._read_version = 0  # the file's data_version when it was read
        self._may_repair = False  # broken, but otherwise writable: apply_repair may write
        self.rows = RowWriter(BOARD_ID, 0)
        self.board = Board(BoardInfo("(loading)"))
        self.author = system_user()  # who the history says made the changes (the GUI sets the profile name)
        self._document: Document | None = None

    @property
    def _connection(self) -> Connection:
        """SQLAlchemy's connection on the open file, made (and SQLAlchemy imported) on first use."""
        if self._writer is None:
            engine = _engine(self._raw, write=self.read_only_reason is None or self._may_repair)
            self._writer = (engine, engine.connect())
        return self._writer[1]

    def prepare_writing(self) -> None:
        """Get ready to write, so that the first change is as quick as the next ones
        (the window calls this once the board is on screen). Nothing for a read-only board."""
        if self.read_only_reason is None:
            self._connection  # noqa: B018  (made on first use)
            from dmuboard.store import schema  # noqa: F401  (the mappings RowWriter uses)

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: str | None = None) -> BoardFile:
        """Check and open ``path``. ``read_only`` gives a reason to open it read-only.

        Raises :class:`NotABoardError` (the file is left unchanged) when it is not a
        board we may open.
        """
        path = Path(path)
        found = sidecars.beside(path)
        examined: BoardFile | None = None
        if found:
            # Played back on a private copy first, which has to pass every check.
            memory, version = sidecars.examine(path, found)
            examined = cls(path, memory, read_only or "it is only being read")
            try:
                if version < SCHEMA_VERSION:
                    examined._raw = cls._migrated_in_memory(memory)
                    memory.close()
                examined.board = examined._load()
            except BaseException:
                examined.close()
                raise
            if read_only is not None:
                examined.notice = (
                    f"{sidecars.describe(found)} beside {shown(path.name)} was played back on a private "
                    "copy only; the file was not changed. Open the board in DMU Board to repair it."
                )
                return examined
            examined.close()
            sidecars.play_back(path)
        version = safety.inspect(path)
        reason = read_only
        if reason is None and not os.access(path, os.W_OK):
            reason = "the file is read-only"
        elif reason is None and not os.access(path.parent, os.W_OK):
            reason = "its folder is read-only"
        try:
            if version < SCHEMA_VERSION and reason is not None:
                with contextlib.closing(safety.connect(path, read_only=True)) as source:
                    raw = cls._migrated_in_memory(source)
            else:
                raw = safety.connect(path, read_only=reason is not None)
        except sqlite3.Error as error:
            raise NotABoardError(f"{shown(path.name)} cannot be opened: {error}.") from None
        store = cls(path, raw, reason)
        try:
            if version < SCHEMA_VERSION and reason is None:
                store._migrate()
            store.board = store._load()
        except BaseException:
            store.close()
            raise
        if found:
            store.notice = f"{sidecars.describe(found)} beside it was checked and played back into the board."
        return store

    @staticmethod
    def _migrated_in_memory(source: sqlite3.Connection) -> sqlite3.Connection:
        """An older board we may not write: upgrade a copy in memory and read that."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        memory.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, safety.MAX_VALUE_BYTES)
        source.backup(memory)
        engine = _engine(memory, write=True)
        with engine.connect() as connection:
            upgrade(connection)
        return memory

    def _migrate(self) -> None:
        from sqlalchemy.exc import DBAPIError

        try:
            upgrade(self._connection)
        except DBAPIError as error:
            raise StoreError(f"{self.path.name} could not be upgraded: {explain(error, self.path.name)}") from None

    def _load(self) -> Board:
        name = self.path.name
        raw = self._raw
        try:
            raw.execute("BEGIN")  # one consistent snapshot of the four tables
            try:
                boards = _rows(raw, "boards")
                if len(boards) != 1:
                    raise NotABoardError(f"{name} is damaged: it holds {len(boards)} boards, not one.")
                info_row = boards[0]
                people_rows = _rows(raw, "people", info_row["id"])
                link_rows = _rows(raw, "links", info_row["id"])
                view_rows = _rows(raw, "views", info_row["id"])
            finally:
                if raw.in_transaction:
                    raw.execute("ROLLBACK")  # only read: nothing to keep
        except sqlite3.Error as error:
            if "too big" in str(error):
                raise NotABoardError(
                    f"{name} is damaged: it holds a value far larger than any board field "
                    f"(over {safety.MAX_VALUE_BYTES // 2**20} MB)."
                ) from None
            if "decode to UTF-8" in str(error):
                raise NotABoardError(f"{name} is damaged: it holds text that is not valid UTF-8.") from None
            raise NotABoardError(f"{name} is damaged: {error}.") from None
        except UnicodeDecodeError:
            raise NotABoardError(f"{name} is damaged: it holds text that is not valid UTF-8.") from None
        try:
            board = _board_from_rows(info_row, people_rows, link_rows, view_rows)
        except BoardError as error:
            raise NotABoardError(f"{name} is damaged: {error}.") from None
        try:
            check_board(board)
        except BoardError as error:
            repair = plan_repair(board)
            if repair is None:
                raise NotABoardError(f"{name} is damaged: {error}.") from None
            self.repair, self.original = repair, board
            self._may_repair = self.read_only_reason is None
            self.read_only_reason = self.read_only_reason or f"it breaks a rule of the format ({repair.problem})"
            board = repair.board
        positions = [r["position"] for r in people_rows] + [r["position"] for r in link_rows]
        if not all(type(p) is int for p in positions):
            raise NotABoardError(f"{name} is damaged: a person or link has no valid position.")
        self.rows = RowWriter(info_row["id"], max(positions, default=0))
        self._read_version = self._data_version()
        return board

    def document(self) -> Document:
        self._document = Document(self.board, self, read_only_reason=self.read_only_reason)
        return self._document

    @property
    def _board_now(self) -> Board:
        """The board as the open document has it (before a change being written is applied)."""
        return self._document.board if self._document is not None else self.board

    # -- writing ---------------------------------------------------------------------

    def write(self, change: Change) -> None:
        """Keep ``change`` in one transaction; on failure nothing on disk has changed."""
        delta = delta_of(self._board_now, change)
        entry = Entry(now_utc(), self.author, delta=delta, step=change.step, label=change.label[:200])
        with self._writing() as connection:
            self.rows.write(connection, change)
            if any(link.kind == "reports_to" for link in change.links):
                self._check_no_reporting_cycle()
            historyrows.insert(connection, self.rows.board_id, [entry])

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One transaction on the file; on failure nothing on disk has changed."""
        if self.read_only_reason is not None:
            raise ReadOnlyError(f"This board is read-only: {self.read_only_reason}.")
        from sqlalchemy.exc import DBAPIError

        try:
            with self._connection.begin():
                self._check_not_written_elsewhere()
                yield self._connection
        except DBAPIError as error:
            raise StoreError(explain(error, self.path.name)) from None
        except sqlite3.Error as error:
            raise StoreError(explain(error, self.path.name)) from None

    def _data_version(self) -> int:
        return int(self._raw.execute("PRAGMA data_version").fetchone()[0])

    def _check_not_written_elsewhere(self) -> None:
        """Refuse to write over what another program wrote to the file since it was read.

        ``data_version`` changes only when another connection commits; the window
        would otherwise reuse ids and overwrite what it never saw.
        """
        if self._data_version() != self._read_version:
            raise StoreError(
                f"{shown(self.path.name)} was changed by another program while it was open here, so the change "
                "was not saved. Close the board and open it again to see both."
            )

    def _check_no_reporting_cycle(self) -> None:
        """Re-read every reporting line inside the transaction: no cycle whatever is in the file."""
        rows = self._raw.execute(
            "SELECT id, source, target FROM links WHERE board_id = ? AND kind = 'reports_to'", (self.rows.board_id,)
        ).fetchall()
        cycle = reporting_cycle((str(lid), str(source), str(target)) for lid, source, target in rows)
        if cycle is not None:
            raise StoreError(
                f"The change was not saved to {shown(self.path.name)}: with what is in the file now, the "
                f"reporting line {cycle} would make a cycle."
            )

    @property
    def can_repair(self) -> bool:
        return self.repair is not None and self._may_repair

    def apply_repair(self, backup: Path) -> None:
        """Keep a copy of the file as it is at ``backup``, then make :attr:`repair` in
        the file (one transaction). The store is to be closed and opened again."""
        if self.repair is None or not self._may_repair:
            raise ReadOnlyError(f"{shown(self.path.name)} cannot be repaired here.")
        from sqlalchemy.exc import DBAPIError

        self.save_copy(backup)
        try:
            with self._connection.begin():
                self._check_not_written_elsewhere()
                self.rows.write(self._connection, self.repair.change)
        except (DBAPIError, sqlite3.Error) as error:
            raise StoreError(explain(error, self.path.name)) from None

    # -- copies and closing ----------------------------------------------------------

    def save_copy(self, destination: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the board to ``destination`` (replacing it whole)."""
        destination = Path(destination)
        if destination.exists() and os.path.samefile(destination, self.path):
            # The board is its own up-to-date copy; replacing the file under the open
            # connection would send every later change to a deleted file.
            return
        with _temporary_beside(destination) as temporary:
            # SQLite's online backup reads the open file page by page into the copy: it
            # works while the board itself can no longer be written.
            try:
                copy = sqlite3.connect(str(temporary), isolation_level=None)
            except sqlite3.Error as error:
                raise StoreError(explain(error, destination.name, new_file=True)) from None
            try:
                self._raw.backup(copy)
            except sqlite3.Error as error:
                raise StoreError(explain(error, destination.name, new_file=True)) from None
            finally:
                copy.close()
            _sync_file(temporary)
            os.replace(temporary, destination)

    def close(self) -> None:
        if self._writer is not None:
            engine, connection = self._writer
            with contextlib.suppress(Exception):
                connection.close()
            with contextlib.suppress(Exception):
                engine.dispose()
        with contextlib.suppress(Exception):
            self._raw.close()

    def __enter__(self) -> BoardFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RowWriter:
    """Turns a change into SQL for one board: deletes and upserts by key, nothing else."""

    def __init__(self, board_id: int, next_position: int) -> None:
        self.board_id = board_id
        self._next_position = next_position

    def write(self, conn: Connection, change: Change) -> None:
        from sqlalchemy import delete, update
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        from dmuboard.store.schema import BoardRow, LinkRow, PersonRow, ViewRow

        board_id = self.board_id
        if change.removed_links:
            conn.execute(delete(LinkRow).where(LinkRow.board_id == board_id, LinkRow.id.in_(change.removed_links)))
        if change.removed_people:
            conn.execute(
                delete(PersonRow).where(PersonRow.board_id == board_id, PersonRow.id.in_(change.removed_people))
            )
        if change.people:
            self._upsert(conn, PersonRow, [self._person_row(p) for p in change.people])
        if change.links:
            self._upsert(conn, LinkRow, [self._link_row(link) for link in change.links])
        if change.info is not None:
            conn.execute(update(BoardRow).where(BoardRow.id == board_id).values(**_info_row(change.info)))
        if change.views is not None:
            conn.execute(delete(ViewRow).where(ViewRow.board_id == board_id))
            if change.views:
                conn.execute(
                    sqlite_insert(ViewRow),
                    [_view_row(board_id, i, view) for i, view in enumerate(change.views)],
                )

    @staticmethod
    def _upsert(conn: Connection, row: type[Base], values: list[dict[str, Any]]) -> None:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        table = row.metadata.tables[row.__tablename__]
        statement = sqlite_insert(table)
        keys = [c.name for c in table.primary_key.columns]
        kept = {"position", *keys}  # a person keeps their place in the file order when edited
        statement = statement.on_conflict_do_update(
            index_elements=keys,
            set_={c.name: statement.excluded[c.name] for c in table.columns if c.name not in kept},
        )
        conn.execute(statement, values)

    def _position(self) -> int:
        self._next_position += 1
        return self._next_position

    def _person_row(self, p: Person) -> dict[str, Any]:
        return {
            "board_id": self.board_id, "id": p.id, "position": self._position(), "side": p.side,
            "name": p.name, "title": p.title, "department": p.department,
            "organisation": p.organisation, "roles": json.dumps(list(p.roles)), "stance": p.stance,
            "influence": p.influence, "interests": p.interests, "notes": p.notes, "x": p.x, "y": p.y,
            "pinned": p.pinned,
        }

    def _link_row(self, link: Link) -> dict[str, Any]:
        return {
            "board_id": self.board_id, "id": link.id, "position": self._position(),
            "source": link.source, "target": link.target, "kind": link.kind,
            "strength": link.strength, "note": link.note, "last_contact": link.last_contact,
        }


def _rows(raw: sqlite3.Connection, table: str, board_id: Any = None) -> list[sqlite3.Row]:
    """The rows of ``table`` (of one board, in document order), each read by column name."""
    sql = "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS[table]) + f' FROM "{table}"'
    cursor = raw.cursor()
    cursor.row_factory = sqlite3.Row
    if board_id is None:
        return cursor.execute(sql).fetchall()
    return cursor.execute(sql + " WHERE board_id = ? ORDER BY position", (board_id,)).fetchall()


def _board_from_rows(
    info: Any, people: Sequence[Any], links: Sequence[Any], views: Sequence[Any]
) -> Board:
    def listed(text: Any, place: str) -> Any:
        try:
            return json.loads(text) if isinstance(text, str) else text
        except (ValueError, RecursionError):  # RecursionError: a list nested thousands deep
            raise BoardError(place, "is not a list") from None

    board_info = BoardInfo(
        title=info["title"], customer=info["customer"], our_company=info["our_company"],
        deal_value=info["deal_value"], currency=info["currency"],
        purchase_type=info["purchase_type"],
        required_roles=listed(info["required_roles"], "required_roles"), notes=info["notes"],
        stale_days=info["stale_days"],
        outcome=info["outcome"], outcome_date=info["outcome_date"], outcome_reason=info["outcome_reason"],
        profile=_profile(info["profile"]),
    )
    board = Board(board_info)
    for row in people:
        place = f"person {row['id']!r}"
        try:
            person = Person(
                id=row["id"], side=row["side"], name=row["name"], title=row["title"],
                department=row["department"], organisation=row["organisation"],
                roles=listed(row["roles"], "roles"), stance=row["stance"],
                influence=row["influence"], interests=row["interests"], notes=row["notes"],
                x=row["x"], y=row["y"], pinned=bool(row["pinned"]),
            )
        except BoardError as error:
            raise error.within(place) from None
        board.people[person.id] = person
    for row in links:
        try:
            link = Link(row["id"], row["source"], row["target"], row["kind"], row["strength"], row["note"],
                        row["last_contact"])
        except BoardError as error:
            raise error.within(f"link {row['id']!r}") from None
        board.links[link.id] = link
    board.views = tuple(
        View(row["name"], listed(row["rect"], "rect"), listed(row["layers"], "layers")) for row in views
    )
    return board


def _profile(text: Any) -> Any:
    if text is None:
        return None
    if not isinstance(text, str):
        raise BoardError("profile", "is not a profile")
    try:
        return board_profile_from_json(json.loads(text))
    except (ValueError, RecursionError):
        raise BoardError("profile", "is not valid JSON") from None


def _info_row(info: BoardInfo) -> dict[str, Any]:
    return {
        "title": info.title, "customer": info.customer, "our_company": info.our_company,
        "deal_value": info.deal_value, "currency": info.currency,
        "purchase_type": info.purchase_type, "required_roles": json.dumps(list(info.required_roles)),
        "notes": info.notes, "stale_days": info.stale_days, "outcome": info.outcome,
        "outcome_date": info.outcome_date, "outcome_reason": info.outcome_reason,
        "profile": None if info.profile is None else json.dumps(info.profile.to_json(), ensure_ascii=False),
    }


def _view_row(board_id: int, position: int, view: View) -> dict[str, Any]:
    return {
        "board_id": board_id, "position": position, "name": view.name,
        "rect": json.dumps(list(view.rect)), "layers": json.dumps(list(view.layers)),
    }


@contextlib.contextmanager
def _temporary_beside(destination: Path) -> Iterator[Path]:
    """A fresh temporary path in ``destination``'s folder, removed unless renamed away."""
    temporary = destination.with_name(f".{destination.name}.{os.urandom(4).hex()}.tmp")
    try:
        yield temporary
    except OSError as error:
        raise StoreError(explain(error, destination.name, new_file=True)) from None
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _sync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def write_new(
    destination: str | os.PathLike[str], board: Board, *, replace: bool = False, history: Sequence[Entry] = ()
) -> None:
    """Write ``board`` (and its ``history``) as a new .dmu file at ``destination``, whole or not at all."""
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    from sqlalchemy.exc import DBAPIError

    from dmuboard.store.schema import BoardRow

    destination = Path(destination)
    if destination.exists() and not replace:
        raise StoreError(f"{destination.name} already exists; use --force to replace it.")
    with _temporary_beside(destination) as temporary:
        try:
            raw = sqlite3.connect(str(temporary), isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(explain(error, destination.name, new_file=True)) from None
        try:
            raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            raw.execute("PRAGMA journal_mode = DELETE")
            # Nobody sees the temporary file until it is complete, synced once and
            # renamed, so syncing each of its build steps would only cost time.
            raw.execute("PRAGMA synchronous = OFF")
            raw.execute("PRAGMA foreign_keys = ON")
            engine = _engine(raw, write=True)
            with engine.connect() as connection:
                upgrade(connection)
                with connection.begin():
                    connection.execute(sqlite_insert(BoardRow).values(id=BOARD_ID, **_info_row(board.info)))
                    RowWriter(BOARD_ID, 0).write(
                        connection,
                        Change(tuple(board.people.values()), (), tuple(board.links.values()), (), None,
                               board.views),
                    )
                    historyrows.insert(connection, BOARD_ID, history)
            engine.dispose()
        except (DBAPIError, sqlite3.Error) as error:
            raise StoreError(explain(error, destination.name, new_file=True)) from None
        finally:
            raw.close()
        _sync_file(temporary)
        if replace:
            os.replace(temporary, destination)
        else:
            try:
                os.link(temporary, destination)  # fails rather than overwrite a file made meanwhile
            except FileExistsError:
                raise StoreError(f"{destination.name} already exists; use --force to replace it.") from None
            except OSError:
                os.replace(temporary, destination)  # file systems without hard links

