// Package contactcsv reads contacts from the CSV files LinkedIn and Google
// Contacts export, finding columns by their header rather than their
// place, and writes contacts as CSV for a spreadsheet.
package contactcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"parley/model"
	"parley/ui/safetext"
)

// Where a contact read from each kind of file was found.
const (
	FoundViaLinkedIn = "LinkedIn"
	FoundViaGoogle   = "Google Contacts"
)

// maxRows bounds how many rows one file may hold.
const maxRows = 1_000_000

// headerSearch is how many rows may come before the header: LinkedIn's
// export starts with a few lines of notes.
const headerSearch = 20

// columns finds a file's columns by header name.
type columns map[string]int

func (c columns) get(row []string, names ...string) string {
	for _, n := range names {
		if i, ok := c[strings.ToLower(n)]; ok && i < len(row) {
			if v := strings.TrimSpace(row[i]); v != "" {
				return v
			}
		}
	}
	return ""
}

func (c columns) has(names ...string) bool {
	for _, n := range names {
		if _, ok := c[strings.ToLower(n)]; !ok {
			return false
		}
	}
	return true
}

// Read reads the contacts of a LinkedIn Connections or Google Contacts CSV
// export, created and updated at now. A row without a name is skipped
// (LinkedIn leaves some rows empty for people who hid themselves); a file
// whose header is neither is an error, as is a row CSV cannot read, with
// its line.
func Read(r io.Reader, now time.Time) ([]model.Contact, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	var cols columns
	var kind string
	for i := 0; i < headerSearch && cols == nil; i++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		c := columns{}
		for j, h := range row {
			c[strings.ToLower(strings.TrimSpace(h))] = j
		}
		switch {
		case c.has("first name", "last name", "connected on"), c.has("first name", "last name", "company", "position"):
			cols, kind = c, FoundViaLinkedIn
		case c.has("given name", "family name"), c.has("first name", "last name", "e-mail 1 - value"),
			c.has("first name", "last name", "organization name"), c.has("first name", "last name", "labels"):
			cols, kind = c, FoundViaGoogle
		}
	}
	if cols == nil {
		return nil, errors.New("not a LinkedIn or Google Contacts export: no header with First Name, Last Name and Company or E-mail columns in its first lines")
	}
	var out []model.Contact
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		if len(out) == maxRows {
			return nil, fmt.Errorf("more than %d rows", maxRows)
		}
		line, _ := cr.FieldPos(0)
		c := contactOf(cols, kind, row, now)
		if strings.TrimSpace(c.Name) == "" {
			continue
		}
		if msg := c.Validate(); msg != "" {
			// A bad value in one column should not lose the person: keep
			// it in the notes, where nothing checks it.
			c = keepInNotes(c)
			if msg := c.Validate(); msg != "" {
				return nil, fmt.Errorf("line %d: %s", line, msg)
			}
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New("no contacts in the file, only its header")
	}
	return out, nil
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d: %s", pe.Line, pe.Err)
	}
	return err
}

func contactOf(cols columns, kind string, row []string, now time.Time) model.Contact {
	c := model.Contact{FoundVia: kind, Created: now, Updated: now}
	first := cols.get(row, "first name", "given name")
	last := cols.get(row, "last name", "family name")
	c.Name = safetext.Clean(strings.TrimSpace(first + " " + last))
	if c.Name == "" {
		c.Name = safetext.Clean(cols.get(row, "name", "file as", "nickname"))
	}
	if kind == FoundViaLinkedIn {
		c.Organisation = safetext.Clean(cols.get(row, "company"))
		c.Role = safetext.Clean(cols.get(row, "position"))
		c.Email = safetext.Clean(cols.get(row, "email address"))
		c.ProfileURL = safetext.Clean(cols.get(row, "url"))
		if on := cols.get(row, "connected on"); on != "" {
			c.Notes = "Connected on LinkedIn " + safetext.Clean(on) + "."
		}
		return c
	}
	c.Organisation = safetext.Clean(cols.get(row, "organization name", "organization 1 - name"))
	c.Role = safetext.Clean(cols.get(row, "organization title", "organization 1 - title"))
	var extra []string
	for _, kind := range []struct{ label, prefix string }{{"Email", "e-mail"}, {"Phone", "phone"}, {"Web", "website"}} {
		for n := 1; n <= 9; n++ {
			key := kind.prefix + " " + strconv.Itoa(n) + " - value"
			if _, ok := cols[key]; !ok {
				break
			}
			// Google puts several values in one cell, separated by " ::: ".
			for _, v := range strings.Split(cols.get(row, key), ":::") {
				if v = safetext.Clean(v); v == "" {
					continue
				}
				switch {
				case kind.label == "Email" && c.Email == "" && model.IsEmail(v):
					c.Email = v
				case kind.label == "Phone" && c.Phone == "" && model.IsPhone(v):
					c.Phone = v
				case kind.label == "Web" && c.ProfileURL == "" && model.IsWebAddress(v):
					c.ProfileURL = v
				default:
					extra = append(extra, kind.label+": "+v)
				}
			}
		}
	}
	for _, label := range strings.Split(cols.get(row, "labels", "group membership"), ":::") {
		label = strings.ToLower(safetext.Clean(strings.TrimPrefix(strings.TrimSpace(label), "* ")))
		if label != "" && label != "mycontacts" && label != "starred" && !slices.Contains(c.Tags, label) {
			c.Tags = append(c.Tags, label)
		}
	}
	notes := strings.TrimSpace(cols.get(row, "notes"))
	c.Notes = strings.TrimSpace(strings.Join(append([]string{notes}, extra...), "\n"))
	return c
}

// keepInNotes moves values the model refuses from their fields into the
// notes.
func keepInNotes(c model.Contact) model.Contact {
	errs := c.FieldErrors()
	var moved []string
	if _, bad := errs[model.FieldEmail]; bad {
		moved, c.Email = append(moved, "Email: "+c.Email), ""
	}
	if _, bad := errs[model.FieldPhone]; bad {
		moved, c.Phone = append(moved, "Phone: "+c.Phone), ""
	}
	if _, bad := errs[model.FieldProfileURL]; bad {
		moved, c.ProfileURL = append(moved, "Web: "+c.ProfileURL), ""
	}
	c.Notes = strings.TrimSpace(strings.Join(append([]string{c.Notes}, moved...), "\n"))
	return c
}

// Header is the first row Write writes.
var Header = []string{"Name", "Role", "Organisation", "Email", "Phone", "Profile URL", "Location",
	"Field", "Career stage", "Stage", "Found via", "Tags", "Notes", "Created", "Updated"}

// Write writes contacts as CSV, one row each under Header. Times are
// written in UTC (RFC 3339), so the file is the same on every machine.
// A cell that a spreadsheet would take for a formula (starting with =, +,
// -, @) is written with a leading apostrophe.
func Write(w io.Writer, contacts []model.Contact) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for _, c := range contacts {
		row := []string{c.Name, c.Role, c.Organisation, c.Email, c.Phone, c.ProfileURL, c.Location,
			c.Field, string(c.CareerStage), string(c.Stage), c.FoundVia, strings.Join(c.Tags, ", "), c.Notes,
			utc(c.Created), utc(c.Updated)}
		for i, v := range row {
			row[i] = defuse(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func utc(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// defuse keeps a spreadsheet from running a cell as a formula. A phone
// number (+44 …) is left as it is: digits and separators run nothing.
func defuse(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) && strings.Trim(v, "+-0123456789 ().") != "" {
		return "'" + v
	}
	return v
}
