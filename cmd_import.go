package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"parley/exchange"
	"parley/store"
	"parley/ui/safetext"
)

// importFormats are the formats --format takes; "auto" goes by the file's
// name and first bytes.
var importFormats = append([]string{"auto"}, exchange.Formats...)

const importLong = `Bring records into the notebook from FILE, or from stdin with -.

Formats (--format, else from the file's name and content):
  json  a parley export. Into an empty notebook it is a restore: everything
        comes back as it was, IDs and all. Into a notebook with data it is
        a merge (see the README, "Import and merge"): records are matched
        by ID, then email, then name and organisation; the newer change
        wins; conflicts are listed.
  vcf   vCard 2.1, 3.0 or 4.0, any number of cards: name, organisation,
        title, emails, phones, web addresses, notes, categories as tags.
  csv   LinkedIn's Connections export or a Google Contacts export, columns
        found by their header.

Contacts the notebook already has (same email, or same name and
organisation) are skipped, never doubled, so importing a file twice
changes nothing the second time.

Everything is checked before anything is written; any problem is listed
with its line, and then nothing is written. The import is one transaction:
all of it or none. --dry-run lists what would be added, updated and
skipped, and writes nothing.

The notebook must not be open in another Parley.`

func newImportCmd(app *cli) *cobra.Command {
	var format string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE|-",
		Short: "Bring in a parley export, vCards, or LinkedIn or Google contacts",
		Long:  importLong,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(importFormats, format) {
				return usageErrorf(cmd, "unknown format %q; the formats are %s", format, strings.Join(importFormats, ", "))
			}
			return runImport(app, args[0], format, dryRun)
		},
	}
	cmd.Flags().StringVar(&format, "format", "auto", "the file's `format`: json, vcf or csv (default: from its name and content)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list what would change, and write nothing")
	return cmd
}

func runImport(app *cli, name, format string, dryRun bool) error {
	data, err := readImportFile(name)
	if err != nil {
		return err
	}
	if format == "auto" {
		format = exchange.SniffFormat(name, data)
	}
	path, err := app.notebookPath()
	if err != nil {
		return err
	}
	var s *store.Store
	if dryRun {
		s, err = app.openWith(path, store.OpenReadOnly)
	} else {
		s, err = app.openWith(path, store.Open)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	ex, err := exchange.ReadExisting(s)
	if err != nil {
		return err
	}
	plan, err := planFile(app, ex, name, format, data)
	if err != nil {
		return err
	}
	if dryRun {
		return printPlan(app.stdout, plan, true)
	}
	if plan.Changes() {
		if err := s.ApplyImport(plan.Batch); err != nil {
			return err
		}
	}
	return printPlan(app.stdout, plan, false)
}

// readImportFile reads name, or stdin for "-".
func readImportFile(name string) ([]byte, error) {
	if name == "-" {
		return exchange.ReadAll(os.Stdin, name)
	}
	return exchange.ReadFile(name)
}

func planFile(app *cli, ex exchange.Existing, name, format string, data []byte) (exchange.Plan, error) {
	where := name
	if name == "-" {
		where = "stdin"
	}
	plan, err := exchange.PlanFile(ex, format, data, app.now())
	var problems exchange.Problems
	if errors.As(err, &problems) && len(problems) > 1 {
		for _, line := range problems.Lines() {
			fmt.Fprintln(app.stderr, "parley:", safetext.Line(where+": "+line))
		}
		return exchange.Plan{}, fmt.Errorf("import %s: %d problems, listed above; nothing was imported", where, len(problems))
	}
	if err != nil {
		return exchange.Plan{}, fmt.Errorf("import %s: %w; nothing was imported", where, err)
	}
	return plan, nil
}

// printPlan says what the import did, or with dryRun would do.
func printPlan(w io.Writer, p exchange.Plan, dryRun bool) error {
	verb := map[bool][3]string{false: {"Added", "Updated", "Skipped"}, true: {"Would add", "Would update", "Would skip"}}[dryRun]
	var b strings.Builder
	for i, list := range [][]string{p.Added, p.Updated, p.Skipped} {
		if len(list) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s (%d):\n", verb[i], len(list))
		for _, line := range list {
			b.WriteString("  " + line + "\n")
		}
	}
	if len(p.Conflicts) > 0 {
		fmt.Fprintf(&b, "Conflicts (%d):\n", len(p.Conflicts))
		for _, line := range p.Conflicts {
			b.WriteString("  " + line + "\n")
		}
	}
	if !p.Changes() {
		b.WriteString("Nothing to change: the notebook already has everything in the file.\n")
	} else if dryRun {
		b.WriteString("Nothing was written (--dry-run).\n")
	}
	_, err := io.WriteString(w, safetext.Block(b.String()))
	return err
}
