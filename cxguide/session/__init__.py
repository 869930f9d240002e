"""Workshop sessions: the answers, countries and notes a workshop produced, saved as JSON files.

``model`` holds the frozen ``Session`` and the pure functions that change it; ``store`` reads
and writes the sessions directory. A session stores answers, never a ranking: exports
recompute the ranking from the answers with the current knowledge. Never imports Textual.
"""

from cxguide.session.model import (
    SCHEMA_VERSION,
    NewerSessionError,
    Session,
    SessionError,
    SessionNote,
    from_dict,
    new_session,
    to_dict,
)
from cxguide.session.store import (
    SessionEntry,
    delete_session,
    duplicate_session,
    list_sessions,
    load_session,
    rename_session,
    save_session,
    user_sessions_dir,
)

__all__ = [
    "SCHEMA_VERSION",
    "NewerSessionError",
    "Session",
    "SessionEntry",
    "SessionError",
    "SessionNote",
    "delete_session",
    "duplicate_session",
    "from_dict",
    "list_sessions",
    "load_session",
    "new_session",
    "rename_session",
    "save_session",
    "to_dict",
    "user_sessions_dir",
]
