public enum PDFWriterPlaceholder {}
