package queries_test

import (
	"os"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

// Tests hash cheaply; TestPasswordHashVerifies alone hashes at production cost.
func TestMain(m *testing.M) {
	queries.UseCheapPasswordHashing()
	os.Exit(m.Run())
}
