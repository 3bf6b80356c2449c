"""Type stubs of the native module (Rust, built with PyO3)."""

class InputError(ValueError):
    """Bad input: the CLI's message and position."""

    kind: str | None
    origin: str | None
    line: int | None
    column: int | None
    byte: int | None

def check_json(
    jsonl: bytes,
    origin: str,
    *,
    threads: int | None = None,
    align_threshold: float | None = None,
    min_confidence: str | None = None,
    stories: str | None = None,
) -> str: ...
def segment_json(jsonl: bytes, origin: str) -> str: ...
def extract_json(jsonl: bytes, origin: str, *, threads: int | None = None) -> str: ...
def stories_json(jsonl: bytes, origin: str, *, threads: int | None = None) -> str: ...
def story_profiles_json(jsonl: bytes, origin: str) -> list[str]: ...
def stories_of_profiles_json(
    profiles: list[str], origin: str, *, threads: int | None = None
) -> str: ...
