#pragma once
// QAbstractItemModelTester on the models the pages own, so a model that announces its changes
// wrongly (rows inserted without beginInsertRows, a reset that leaves stale indexes, fetchMore
// adding rows unannounced, data for rows that are not there) fails the running test, instead
// of showing up later as a view that draws the wrong rows or crashes.

#include <QAbstractItemModelTester>
#include <QObject>

namespace tu::test {

// Attaches a tester to every model of type M among the descendants of `root`. A tester is a
// child of its model, so it lives exactly as long. Returns the number attached, so a test can
// check it found the model. Note that the tester calls fetchMore() itself each time the model
// changes: a paged model gets every page loaded while it is watched.
template<typename M>
int attachModelTesters(QObject *root)
{
    const QList<M *> models = root->findChildren<M *>();
    for (M *m : models)
        new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, m);
    return int(models.size());
}

} // namespace tu::test
