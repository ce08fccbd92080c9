package importer

import (
	"testing"

	"parley/ui/common"
	"parley/ui/screens/contacts"
	"parley/ui/screens/home"
	"parley/ui/uitest"
)

// TestMain gives the driver the screens these tests go through: What's
// next, the contact list the import starts from, and this screen.
func TestMain(m *testing.M) {
	uitest.Main(m, []common.Opener{home.OpenHome, contacts.OpenContacts, OpenImporter})
}
