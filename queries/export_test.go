package queries

// HashAtProductionCost lets the one full-cost test hash as production does, while the
// rest of the package's tests use cheap hashing.
func HashAtProductionCost(password string) (string, error) {
	return hashWith(password, &productionCost)
}
