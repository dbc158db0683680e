#pragma once
// The pager under every paged list: "51–55 dari 55", "Halaman 2 dari 2" when there is more than
// one page, and ‹ Sebelumnya / Berikutnya ›. The page asks the service for page() with
// pageSize() rows, then hands the answer back with showResult(); the buttons emit pageChanged()
// and the page loads again. One widget, so every list counts and steps the same way.

#include <QWidget>

class QLabel;
class QPushButton;

namespace tu::ui {

class Pager : public QWidget
{
    Q_OBJECT
public:
    explicit Pager(int pageSize, QWidget *parent = nullptr);

    int page() const { return m_page; }
    int pageSize() const { return m_pageSize; }
    qint64 total() const { return m_total; }
    int pageCount() const;
    // Back to the first page (a new filter or search); emits nothing, the caller loads anyway.
    void reset() { m_page = 1; }

    // The current page came back empty though there are rows (the last ones were deleted):
    // moves to the last page and returns true, and the caller loads that one instead.
    bool movedPastEnd(qint64 total, int rowsShown);
    // What the current page holds; `emptyText` is the count label when there is nothing at all.
    void showResult(qint64 total, int rowsShown, const QString &emptyText);

    QLabel *rangeLabel() const { return m_range; }
    QLabel *pageLabel() const { return m_pageLabel; }
    QPushButton *previousButton() const { return m_prev; }
    QPushButton *nextButton() const { return m_next; }

signals:
    void pageChanged(int page);

private:
    void step(int delta);
    void updateButtons();

    int m_pageSize;
    int m_page = 1;
    qint64 m_total = 0;
    QLabel *m_range;
    QLabel *m_pageLabel;
    QPushButton *m_prev;
    QPushButton *m_next;
};

} // namespace tu::ui
