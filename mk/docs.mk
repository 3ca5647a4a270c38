# Documentation that is generated or executed (issue 16).
#
#   make docs         reruns every sql/recipes/*.sql and rewrites the outputs
#                     shown in docs/ecosystem.md (tools/gen_ecosystem.sh;
#                     the blocks after "<!-- make docs: ... -->" markers)
#   make check-docs   fails, with a diff, when docs/ecosystem.md differs from
#                     a fresh run (for CI; same sqlite3 shell as `make docs`:
#                     .mode box aligns differently across shell versions)
#   make test-docs    runs every ```sql block of README.md and docs/*.md
#                     through the sqlite3 shell (tests/docs/run_readme.sh),
#                     checks that `make help` names every target
#                     (tests/docs/check_help.sh) and that the SQLite and glibc
#                     versions README.md states hold for the build
#                     (tests/docs/check_versions.sh)

.PHONY: docs check-docs test-docs

docs: libjcx.$(SO)
	@sh tools/gen_ecosystem.sh

check-docs: libjcx.$(SO)
	@sh tools/gen_ecosystem.sh --check

test-docs: libjcx.$(SO)
	@sh tests/docs/run_readme.sh
	@MAKE="$(MAKE)" sh tests/docs/check_help.sh
	@sh tests/docs/check_versions.sh
