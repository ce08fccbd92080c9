package exchange

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parley/exchange/contactcsv"
	"parley/exchange/vcard"
	"parley/model"
)

// The formats an import reads.
const (
	FormatJSON  = "json"
	FormatVCard = "vcf"
	FormatCSV   = "csv"
)

// Formats are the formats an import reads, in the order they are offered.
var Formats = []string{FormatJSON, FormatVCard, FormatCSV}

// MaxFileSize bounds what an import reads, so a wrong file (a disk image,
// /dev/zero) is refused instead of filling memory.
const MaxFileSize = 256 << 20

// ReadFile reads the file to import at name. What is not a regular file
// (a folder, a device, a named pipe that would wait for a writer forever)
// is refused before it is opened.
func ReadFile(name string) ([]byte, error) {
	if info, err := os.Stat(name); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("import: %s is not a file", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	// It may have been swapped between the look and the open.
	if info, err := f.Stat(); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("import: %s is not a file", name)
	}
	return ReadAll(f, name)
}

// ReadAll reads an import from r (a file, or stdin), refusing more than
// MaxFileSize; name says where it came from in errors.
func ReadAll(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("import %s: the file is larger than %d MB; that is not a contacts file", name, MaxFileSize>>20)
	}
	return data, nil
}

// SniffFormat guesses a file's format from its name, then its content.
func SniffFormat(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return FormatJSON
	case ".vcf", ".vcard":
		return FormatVCard
	case ".csv":
		return FormatCSV
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("{")):
		return FormatJSON
	case len(head) >= 11 && strings.EqualFold(string(head[:11]), "BEGIN:VCARD"):
		return FormatVCard
	}
	return FormatCSV
}

// PlanFile reads data in format and plans bringing it into ex; now stamps
// contacts from other programs' files. A parley export's problems come
// back as Problems, each at its line and JSON path.
func PlanFile(ex Existing, format string, data []byte, now time.Time) (Plan, error) {
	var contacts []model.Contact
	var err error
	switch format {
	case FormatJSON:
		doc, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			return Plan{}, err
		}
		return PlanImport(ex, doc), nil
	case FormatVCard:
		contacts, err = vcard.Read(bytes.NewReader(data), now)
	case FormatCSV:
		contacts, err = contactcsv.Read(bytes.NewReader(data), now)
	default:
		return Plan{}, fmt.Errorf("unknown format %q; the formats are %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return Plan{}, err
	}
	return PlanContacts(ex, contacts), nil
}
