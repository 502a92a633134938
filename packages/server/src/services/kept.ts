/**
 * The last `size` values made for a key, kept between requests (least recently used dropped first). A value is
 * kept while it is being made, so that requests asking for it at once make it once; a failure is not kept.
 */
export class Kept<T> {
  private readonly values = new Map<string, Promise<T>>();

  constructor(private readonly size: number) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.values.get(key);
    if (kept !== undefined) {
      this.values.delete(key);
      this.values.set(key, kept);
      return kept;
    }
    const made = make();
    this.values.set(key, made);
    made.catch(() => this.values.delete(key));
    for (const oldest of this.values.keys()) {
      if (this.values.size <= this.size) break;
      this.values.delete(oldest);
    }
    return made;
  }
}
