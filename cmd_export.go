package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"parley/exchange"
	"parley/exchange/contactcsv"
	"parley/exchange/ics"
	"parley/exchange/markdown"
	"parley/exchange/vcard"
	"parley/model"
	"parley/store"
	"parley/ui/safetext"
)

// exportFormats are the formats --format takes, the default first.
var exportFormats = []string{"json", "md", "vcf", "ics", "csv"}

const exportLong = `Write the notebook to stdout, or atomically to a file with -o.

Formats:
  json  the whole notebook, restorable with parley import (the default)
  md    interviews as Markdown: who, when, questions with notes, wrap-up
  vcf   contacts as vCard 4.0 (parley import reads it back)
  ics   scheduled interviews and due follow-ups as an iCalendar file
  csv   contacts, one row each, for a spreadsheet

--contact NAME and --interview ID narrow md to one person or interview.

Export only reads: it never creates, upgrades or changes the notebook. While
another Parley has the notebook open it cannot read it, and says so. With -o the file is written whole or not at all, readable by you only
(0600).`

func newExportCmd(app *cli) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export [--format json|md|vcf|ics|csv] [-o FILE]",
		Short: "Write the notebook as JSON, Markdown, vCard, iCalendar or CSV",
		Long:  exportLong,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains(exportFormats, opts.format) {
				return usageErrorf(cmd, "unknown format %q; the formats are %s", opts.format, strings.Join(exportFormats, ", "))
			}
			if (opts.contact != "" || opts.interview != 0) && opts.format != "md" {
				return usageErrorf(cmd, "--contact and --interview go with --format md")
			}
			if opts.contact != "" && opts.interview != 0 {
				return usageErrorf(cmd, "give --contact or --interview, not both")
			}
			return runExport(app, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "json", "the `format`: json, md, vcf, ics or csv")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` (atomically, 0600) instead of stdout")
	cmd.Flags().StringVar(&opts.contact, "contact", "", "md: only the interviews with the contact of this `NAME`")
	cmd.Flags().Uint64Var(&opts.interview, "interview", 0, "md: only the interview with this `ID`")
	return cmd
}

type exportOptions struct {
	format, output, contact string
	interview               uint64
}

func runExport(app *cli, opts exportOptions) error {
	s, err := app.openForReading()
	if err != nil {
		return err
	}
	defer s.Close()
	path := s.Path()
	write := func(w io.Writer) error { return writeExport(app, s, opts, w) }
	if opts.output == "" {
		return write(app.stdout)
	}
	if same, err := sameFile(opts.output, path); err == nil && same {
		return fmt.Errorf("export: %s is the notebook itself; choose another file", opts.output)
	}
	return writeFileAtomically(opts.output, write)
}

func writeExport(app *cli, s *store.Store, opts exportOptions, w io.Writer) error {
	switch opts.format {
	case "json":
		jw := exchange.NewWriter(w)
		if err := s.Walk(jw); err != nil {
			return err
		}
		return jw.Close()
	}
	nb, err := s.Snapshot()
	if err != nil {
		return err
	}
	contacts := make([]model.Contact, len(nb.Contacts))
	for i, c := range nb.Contacts {
		contacts[i] = safeContact(c)
	}
	var out bytes.Buffer
	switch opts.format {
	case "vcf":
		err = vcard.Write(w, contacts)
	case "csv":
		err = contactcsv.Write(&out, contacts)
	case "ics":
		rules, rerr := s.Settings()
		if rerr != nil {
			return rerr
		}
		ivs := make([]model.Interview, len(nb.Interviews))
		for i, iv := range nb.Interviews {
			if ivs[i] = iv; iv.Scheduled != nil {
				sched := *iv.Scheduled
				sched.Place = safetext.Line(sched.Place)
				ivs[i].Scheduled = &sched
			}
		}
		err = ics.Write(w, app.now(), contacts, ivs, nb.Interactions, rules)
	case "md":
		var ivs []model.Interview
		ivs, err = chosenInterviews(nb, opts)
		if err == nil {
			err = markdown.Write(&out, ivs, contactsByID(nb.Contacts))
		}
	}
	if err != nil || out.Len() == 0 {
		return err
	}
	// Markdown and CSV are text for people: whatever the notebook holds,
	// they never carry a terminal escape, bidi override or invisible
	// character, on a terminal or in a file.
	_, err = io.WriteString(w, safetext.Block(out.String()))
	return err
}

// safeContact is c with its one-line fields made safe to show on one line
// and its notes as lines: for formats read by other programs and people.
func safeContact(c model.Contact) model.Contact {
	for _, f := range []*string{&c.Name, &c.Role, &c.Organisation, &c.Field, &c.Email, &c.Phone,
		&c.ProfileURL, &c.Location, &c.FoundVia} {
		*f = safetext.Line(*f)
	}
	c.Tags = slices.Clone(c.Tags)
	for i := range c.Tags {
		c.Tags[i] = safetext.Line(c.Tags[i])
	}
	c.Notes = safetext.Block(c.Notes)
	return c
}

func contactsByID(cs []model.Contact) map[uint64]model.Contact {
	out := make(map[uint64]model.Contact, len(cs))
	for _, c := range cs {
		out[c.ID] = c
	}
	return out
}

// chosenInterviews are the interviews --contact or --interview name, or
// every one, in ID order.
func chosenInterviews(nb store.Notebook, opts exportOptions) ([]model.Interview, error) {
	switch {
	case opts.interview != 0:
		for _, iv := range nb.Interviews {
			if iv.ID == opts.interview {
				return []model.Interview{iv}, nil
			}
		}
		return nil, fmt.Errorf("export: there is no interview %d", opts.interview)
	case opts.contact != "":
		who := map[uint64]bool{}
		for _, c := range nb.Contacts {
			if strings.EqualFold(strings.TrimSpace(c.Name), strings.TrimSpace(opts.contact)) {
				who[c.ID] = true
			}
		}
		if len(who) == 0 {
			return nil, fmt.Errorf("export: no contact is named %q", opts.contact)
		}
		var out []model.Interview
		for _, iv := range nb.Interviews {
			if who[iv.ContactID] {
				out = append(out, iv)
			}
		}
		return out, nil
	}
	return nb.Interviews, nil
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

// writeFileAtomically writes what write produces to path, 0600: into a
// temporary file beside it, synced, then renamed over path, so path holds
// either what it held before or the whole new content, never a part.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	if d, err := os.Open(dir); err == nil {
		err = d.Sync()
		d.Close()
		if err != nil && !errors.Is(err, os.ErrInvalid) {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
}
