import runpy
from pathlib import Path

from iopguide.gunicorn_logging import redact

ROOT = Path(__file__).resolve().parents[2]


def test_gunicorn_config_is_sane():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["workers"] >= 1
    assert config["threads"] >= 1
    assert 10 <= config["timeout"] <= 120
    assert config["worker_class"] == "gthread"
    assert "%(h)s" not in config["access_log_format"]
    assert config["logger_class"] == "iopguide.gunicorn_logging.RedactingLogger"


def test_access_log_redacts_result_tokens():
    line = "GET /results/AbC-123_xyz/share/?x=1 HTTP/1.1"
    assert redact(line) == "GET /results/[redacted]/share/?x=1 HTTP/1.1"
    assert redact("/levels/iop/") == "/levels/iop/"
