/// Pages of a paginated operation as an `AsyncSequence`: each page is fetched when the consumer asks,
/// following the next token until the service returns none. Starts no task of its own.
///
/// ```swift
/// for try await page in client.ec2.describeInstancesPages() { ... }
/// ```
public struct Paginated<Page: Sendable>: AsyncSequence, Sendable {
    /// Fetches one page given the token of the previous one (nil first); returns the page and the next token.
    public typealias Fetch = @Sendable (_ token: String?) async throws -> (page: Page, next: String?)

    let fetch: Fetch
    let maxPages: Int

    /// Creates a sequence. `maxPages` stops runaway pagination (a service repeating a token).
    public init(maxPages: Int = 10_000, fetch: @escaping Fetch) {
        self.fetch = fetch
        self.maxPages = maxPages
    }

    /// The iterator.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let fetch: Fetch
        let maxPages: Int
        var token: String?
        var done = false
        var pages = 0
        var seen: Set<String> = []

        /// The next page, or nil after the last.
        public mutating func next() async throws -> Page? {
            guard !done, pages < maxPages else { return nil }
            let (page, next) = try await fetch(token)
            pages += 1
            if let next, !next.isEmpty, !seen.contains(next) {
                seen.insert(next)
                token = next
            } else {
                done = true
            }
            return page
        }
    }

    /// Makes an iterator.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(fetch: fetch, maxPages: maxPages) }

    /// All pages' items, concatenated.
    public func collect<Item>(_ items: (Page) -> [Item]) async throws -> [Item] {
        var all: [Item] = []
        for try await page in self { all.append(contentsOf: items(page)) }
        return all
    }
}

extension Paginated where Page: Collection {
    /// All items of all pages, in order.
    public func all() async throws -> [Page.Element] {
        var items: [Page.Element] = []
        for try await page in self { items.append(contentsOf: page) }
        return items
    }
}
