#!/bin/sh
# depeche-pipe.sh DEPECHE_BIN [ARGS...]: `depeche run -` for RDD.pipe.
# JSON Lines in on stdin, one JSON line out per input line, in order.
# `depeche run` exits 1 when some record failed (its error record is in the
# output, nothing is lost); RDD.pipe would abort the job on that, so exit 1
# becomes 0 here. Usage errors (2) and crashes stay fatal.
bin="${1:?usage: depeche-pipe.sh DEPECHE_BIN [ARGS...]}"
shift
"$bin" run - --quiet --threads 1 "$@"
status=$?
if [ "$status" -eq 1 ]; then
    exit 0
fi
exit "$status"
